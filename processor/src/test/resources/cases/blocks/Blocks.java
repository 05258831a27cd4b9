/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.blocks;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import dev.asyncfn.testing.TestFutures;
import java.util.concurrent.CompletableFuture;

/** Straight-line code and nested blocks around awaits. */
public class Blocks {

  @Async
  static int straightLine(int a) {
    log("start " + a);
    int b = await(later(a + 1));
    log("b " + b);
    int c = await(later(b * 2));
    log("c " + c);
    return a + b + c;
  }

  /** Two locals named x with different types in sibling blocks, both live across awaits. */
  @Async
  static String siblingBlocksReuseNames(int a) {
    StringBuilder out = new StringBuilder();
    {
      int x = await(later(a));
      log("int x " + x);
      out.append(x);
    }
    {
      String x = await(later("s" + a));
      log("String x " + x);
      out.append(x);
      x = x + await(later("!"));
      out.append(x);
    }
    return out.toString();
  }

  @Async
  static int awaitAsStatement() {
    log("before");
    await(later("ignored"));
    log("between");
    await(later(42));
    log("after");
    return 1;
  }

  /** Awaits of futures that are ready at the first poll in every mode. */
  @Async
  static int readyFutures(int a) {
    int x = await(TestFutures.ready(a));
    log("x " + x);
    int y = await(TestFutures.ready(x + 1)) + await(later(10));
    return x + y;
  }

  /** A local declared before the first await and used after the last one. */
  @Async
  static long localsLiveAcrossManyAwaits(int n) {
    long acc = n;
    String label = "n=" + n;
    await(later(0));
    acc *= 3;
    await(later(1));
    acc += label.length();
    await(later(2));
    log(label);
    return acc;
  }

  /** A CompletionStage is awaited directly; a completed one does not suspend. */
  @Async
  static int awaitCompletionStage() {
    int a = await(CompletableFuture.completedFuture(2));
    int b = await(later(3));
    return a * b + await(CompletableFuture.supplyAsync(() -> 4, Runnable::run));
  }
}
