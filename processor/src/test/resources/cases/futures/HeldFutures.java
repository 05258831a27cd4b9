/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.futures;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.testing.TestFutures;
import java.util.ArrayList;
import java.util.List;

/** Futures held in locals before they are awaited, wildcard futures, explicit type arguments. */
public class HeldFutures {

  @Async
  static int twoFuturesCreatedBeforeAwaiting() {
    Future<Integer> a = later(1);
    var b = later(2);
    log("created");
    int x = await(a);
    log("a done");
    return x * 10 + await(b);
  }

  @Async
  static double wildcardFuture(boolean asDouble) {
    Future<? extends Number> f = asDouble ? later(2.5) : later(4);
    Number n = await(f);
    return n.doubleValue() * 2;
  }

  @Async
  static String explicitTypeArguments() {
    CharSequence cs = await(TestFutures.<CharSequence>later("chars"));
    List<String> xs = await(TestFutures.<List<String>>later(new ArrayList<>()));
    xs.add(cs.toString());
    return xs.toString();
  }

  @Async
  static int listOfFuturesAwaitedInLoop(int n) {
    List<Future<Integer>> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fs.add(later(i * i));
    }
    int s = 0;
    for (Future<Integer> f : fs) {
      s += await(f);
    }
    return s;
  }

  @Async
  static String awaitResultUsedAsReceiver() {
    return await(later(new StringBuilder("ab"))).reverse().append(await(later("!"))).toString();
  }
}
