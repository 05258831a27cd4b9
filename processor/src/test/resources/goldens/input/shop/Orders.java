/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import static dev.asyncfn.processor.Later.later;
import static dev.asyncfn.runtime.Futures.async;
import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.runtime.Futures.awaitEach;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.stream.AsyncStream;
import dev.asyncfn.runtime.stream.Streams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

class Orders {
  private final String region;
  int fetched;

  Orders(String region) {
    this.region = region();
  }

  String region() {
    return "eu";
  }

  static Future<String> lookup(String id) {
    return later("order-" + id);
  }

  /** Straight-line: two awaits, a local that lives across the second. */
  @Async
  static String describe(String id) {
    String order = await(lookup(id));
    int size = await(later(order.length()));
    return order + " has " + size + " chars";
  }

  /** A loop with try/finally around an await, and a checked exception. */
  @Async
  static int total(List<String> ids) throws IOException {
    int sum = 0;
    for (String id : ids) {
      try {
        sum += await(later(id.length()));
        if (sum > 100) {
          throw new IOException("too many");
        }
      } finally {
        System.out.println("checked " + id);
      }
    }
    return sum;
  }

  /** An instance method: implicit this members go through the receiver. */
  @Async
  String fetchAll(String first) {
    fetched += 1;
    String r = await(OrdersAsync.describe(first));
    return region() + ":" + r + ":" + fetched;
  }

  /** An async block per id, started together, awaited in order: each block is a machine. */
  @Async
  static String sizes(List<String> ids) {
    List<Future<Integer>> sized = new ArrayList<>();
    for (String id : ids) {
      sized.add(async(() -> await(lookup(id)).length()));
    }
    StringBuilder out = new StringBuilder();
    for (Future<Integer> f : sized) {
      out.append(await(f)).append(' ');
    }
    return out.toString().trim();
  }

  /** A generator (an async block handed to Streams.generate) consumed by a loop over a stream. */
  @Async
  static int totalLength(List<String> ids) {
    AsyncStream<String> orders =
        Streams.generate(
            out ->
                async(
                    () -> {
                      for (String id : ids) {
                        await(out.emit(await(lookup(id))));
                      }
                    }));
    int n = 0;
    for (String order : awaitEach(orders)) {
      n += order.length();
    }
    return n;
  }
}
