/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.arrays;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Arrays held across awaits, returned, and indexed with awaits. */
public class Arrays {

  @Async
  static int[] squares(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = await(later(i * i));
    }
    return out;
  }

  @Async
  static int[][] grid(int rows, int cols) {
    int[][] g = new int[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        g[r][c] = await(later(r * 10 + c));
      }
    }
    return g;
  }

  @Async
  static String[] reversed(String[] in) {
    String[] out = new String[in.length];
    for (int i = 0; i < in.length; i++) {
      out[in.length - 1 - i] = await(later(in[i]));
    }
    return out;
  }

  @Async
  static int indexWithAwait(int[] xs) {
    int s = xs[await(later(0))] + xs[await(later(xs.length - 1))];
    xs[await(later(1))] += 100;
    log("xs[1] " + xs[1]);
    return s + xs[1];
  }

  @Async
  static int awaitedArrayLength() {
    long[] ls = await(later(new long[] {1, 2, 3, 4}));
    return ls.length + (int) ls[3];
  }
}
