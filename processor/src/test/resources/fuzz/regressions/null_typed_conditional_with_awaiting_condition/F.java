/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.null_typed_conditional_with_awaiting_condition;

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

/** Minimised from random program 201510 (run seed 2, JDK 25). */
public class F {
  static String ss = "s";
  static Integer sn;

  static void reset() {
    ss = "s";
    sn = null;
  }

  @Async
  static String m6() {
    Integer v4 = (false ? sn : (await(later(false)) ? null : null));
    return ss;
  }
}
