/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.asyncblocks;

import static dev.asyncfn.runtime.Futures.async;
import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.ThrowingFuture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Async blocks, {@code async(() -> ...)}: lazy, capturing each loop iteration's values, nested,
 * returned by closures, with and without a value, failing and catching, with finally blocks.
 */
public class AsyncBlocks {
  int count;

  @Async
  static String lazyUntilAwaited() {
    Future<String> f =
        async(
            () -> {
              log("block starts");
              String v = await(later("v"));
              log("block got " + v);
              return v + "!";
            });
    log("created");
    String r = await(f);
    log("awaited");
    return r;
  }

  @Async
  static List<Integer> eachIterationCapturesItsOwnValues(int n) {
    List<Future<Integer>> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      String tag = "#" + i;
      fs.add(async(() -> await(later(k)) * 10 + tag.length()));
    }
    List<Integer> out = new ArrayList<>();
    for (Future<Integer> f : fs) {
      out.add(await(f));
    }
    return out;
  }

  @Async
  static String blocksInsideBlocks(String s) {
    return await(
        async(
            () -> {
              String a = await(async(() -> await(later(s)) + "!"));
              Future<String> b = async(() -> a + a);
              return await(b) + "/" + a;
            }));
  }

  @Async
  static int closuresReturnBlocks(List<Integer> xs) {
    Function<Integer, Future<Integer>> twice = n -> async(() -> await(later(n)) * 2);
    int sum = 0;
    for (int x : xs) {
      sum += await(twice.apply(x));
    }
    return sum;
  }

  @Async
  static int blocksWithoutValue() {
    List<Integer> sink = new ArrayList<>();
    await(async(() -> {
      sink.add(await(later(1)));
    }));
    Future<Void> second = async(() -> addTo(sink, 2));
    log("second not run yet: " + sink);
    await(second);
    return sink.size();
  }

  @Async
  int blocksUseTheReceiver(int x) {
    Future<Integer> f =
        async(
            () -> {
              count += await(later(x));
              return count;
            });
    int first = await(f);
    return first * 100 + await(async(() -> this.count + 1));
  }

  @Async
  static String checkedFailureIsCaughtAroundTheAwait(boolean fail) {
    ThrowingFuture<String, IOException> f =
        async(
            () -> {
              if (await(later(fail))) {
                throw new IOException("no");
              }
              return "yes";
            });
    try {
      return await(f);
    } catch (IOException e) {
      return "caught " + e.getMessage();
    }
  }

  @Async
  static String finallyInsideABlockRuns(boolean fail) {
    Future<String> f =
        async(
            () -> {
              try {
                String v = await(later("in"));
                if (fail) {
                  throw new IllegalStateException("boom");
                }
                return v;
              } finally {
                log("block finally");
              }
            });
    try {
      return await(f);
    } catch (IllegalStateException e) {
      return "failed " + e.getMessage();
    }
  }

  @Async
  static int aBlockNeverAwaitedNeverRuns() {
    Future<Integer> unused = async(() -> {
      log("never");
      return await(later(1));
    });
    log("dropped " + (unused != null));
    return await(later(7));
  }

  @Async
  static int expressionBlocks(int n) {
    Future<Integer> plain = async(() -> n + 1);
    Future<Integer> call = async(() -> Math.max(n, 3));
    Future<Integer> awaited = async(() -> await(later(n)));
    return await(plain) * 100 + await(call) * 10 + await(awaited);
  }

  @Async
  static int blockInALoopAwaitedInTheLoop(int n) {
    int total = 0;
    for (int i = 1; i <= n; i++) {
      int step = i;
      total += await(async(() -> {
        int t = 0;
        for (int j = 0; j < step; j++) {
          t += await(later(j));
        }
        return t;
      }));
    }
    return total;
  }

  static void addTo(List<Integer> sink, int value) {
    sink.add(value);
  }

  static Future<Integer> notAsync(int n) {
    // plain code: the block runs as written at its first poll
    return async(
        () -> {
          log("plain block runs");
          return n + 1;
        });
  }

  @Async
  static int plainMethodsBlocksRunWhenPolled(int n) {
    return await(notAsync(n));
  }
}
