/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.hoisted_var_numeric_conditional_with_null;

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

/** Generated from seed 501327. */
public class F {
  static void reset() {
  }

  @Async
  static boolean m1() throws TimeoutException {
    var v18 = (false ? (byte) 0 : (false ? await(later(Byte.valueOf((byte) 11))) : null));
    await(later(false));
    return true;
  }
}
