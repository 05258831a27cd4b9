/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.equality_with_call_operand_read_standalone;

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

/** Generated from seed 901039. */
public class F {
  static Integer sn;

  static void reset() {
    sn = null;
  }

  @Async
  static void m1(boolean p3) {
    if ("a".length() == (p3 ? F.sn : await(later(0)))) {}
  }
}
