/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.hoisted_var_conditional_with_null_in_catch;

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

/** Generated from seed 501653. */
public class F {
  static int sc;
  static String ss = "s";

  static void reset() {
    sc = 0;
    ss = "s";
  }

  @Async
  static String m7() {
    try {} catch (ClassCastException | ArithmeticException e9) {
      var v13 = (false ? 0 : (false ? logged("t17", sc) : null));
      await(later(F.sc));
    }
    return ss;
  }
}
