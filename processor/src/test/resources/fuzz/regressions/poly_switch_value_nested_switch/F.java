/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.poly_switch_value_nested_switch;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Minimised from random program 101358, method m0. */
public class F {
  static int sc;

  static void reset() {
    sc = 0;
  }

  static int f3(int a, int b, int c) {
    log("f3(" + a + ", " + b + ", " + c + ")");
    return a * 100 + b * 10 + c;
  }

  @Async
  static int m0() {
    return f3(sc, switch (sc) {
      case 0 -> {
        var v = await(later(new int[] {1, 2, 3}));
        yield switch ((char) (64 + v[0])) {
          case 'a', 'b':
            yield ((short) 0);
          default:
            yield ((byte) -1);
        };
      }
      default -> sc;
    }, 4);
  }
}
