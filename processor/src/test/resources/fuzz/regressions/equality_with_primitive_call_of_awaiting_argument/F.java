/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.equality_with_primitive_call_of_awaiting_argument;

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

/** Generated from seed 500344. */
public class F {
  static Integer sn;

  static void reset() {
    sn = null;
  }

  static int f3(int a, int b, int c) {
    log("f3(" + a + ", " + b + ", " + c + ")");
    return a * 100 + b * 10 + c;
  }

  @Async
  static boolean m0() {
    return (F.sn != f3('a', f3(-70000, Short.valueOf((short) 0), 3), await(later(((short) 9)))));
  }
}
