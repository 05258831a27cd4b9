/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.poly_switch_value_conditional_with_switch_branch;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterIo;
import static dev.asyncfn.testing.TestFutures.ready;
import static dev.asyncfn.testing.Trace.log;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;
import dev.asyncfn.testing.TestFutures;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/** Minimised from random program 300834 (run seed 3). */
public class F {
  static int sc;
  int count = 1;

  static void reset() {
    sc = 0;
  }

  static int sbump(int x) {
    sc += x;
    log("sbump " + sc);
    return sc;
  }

  @Async
  int m5(int p2) throws TimeoutException {
    F.sbump(switch (p2) {
      default:
        if (false) {
          yield ((false ? (((Short) ((short) 10)) - await(later(Character.valueOf('r')))) : switch (count) {
            case 0 -> Short.valueOf((short) 7);
            default -> Integer.valueOf(-2);
          }));
        }
        yield Character.valueOf('r');
    });
    return 6;
  }
}
