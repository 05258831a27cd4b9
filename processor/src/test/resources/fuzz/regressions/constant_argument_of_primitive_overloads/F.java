/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.constant_argument_of_primitive_overloads;

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

/** Minimised from random program 200083 (run seed 2, JDK 25). */
public class F {
  static void reset() {
  }

  @Async
  void m3() {
    Integer v6 = Math.max((short) 0, (await(later(0)) / 6));
  }
}
