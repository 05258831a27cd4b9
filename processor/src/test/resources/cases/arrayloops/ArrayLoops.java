/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.arrayloops;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** for-each over arrays: evaluated once, elements read as they are then, conversions kept. */
public class ArrayLoops {

  /** Reassigning the array parameter inside the loop does not change what is iterated. */
  @Async
  static int reassignArrayParameter(int[] xs) {
    int s = 0;
    for (int x : xs) {
      xs = new int[] {1000};
      s += await(later(x));
    }
    return s + xs[0];
  }

  /** Elements written ahead of the loop position are seen when reached (same array object). */
  @Async
  static String mutateElementsAhead(int[] xs) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (int x : xs) {
      if (i + 1 < xs.length) {
        xs[i + 1] += await(later(10));
      }
      sb.append(x).append(' ');
      i++;
    }
    return sb.toString();
  }

  @Async
  static double wideningLoopVariable(long[] ls) {
    double s = 0;
    for (double d : ls) {
      s += d / await(later(2));
    }
    return s;
  }

  @Async
  static int unboxingLoopVariable(Integer[] boxed) {
    int s = 0;
    for (int v : boxed) {
      s += await(later(v));
    }
    return s;
  }

  @Async
  static String boxingLoopVariable(int[] xs) {
    StringBuilder sb = new StringBuilder();
    for (Object o : xs) {
      sb.append(o.getClass().getSimpleName()).append(await(later(o))).append(';');
    }
    return sb.toString();
  }

  /** The array expression is a call: evaluated once, before the first iteration. */
  @Async
  static int arrayFromACallEvaluatedOnce() {
    int s = 0;
    for (int v : numbers()) {
      s += await(later(v));
    }
    return s;
  }

  static int[] numbers() {
    log("numbers()");
    return new int[] {1, 2, 3};
  }

  /** A loop variable wider than the elements of an array that comes from a call. */
  @Async
  static long wideningOverArrayFromACall() {
    long s = 0;
    for (long v : numbers()) {
      s += await(later(v * 1_000_000_000L));
    }
    return s;
  }
}
