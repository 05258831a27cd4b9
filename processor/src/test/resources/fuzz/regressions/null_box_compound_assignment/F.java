/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.null_box_compound_assignment;

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

/** Minimised from random program 100541, method m3. */
public class F {
  static Integer sn;

  static void reset() {
    sn = null;
  }

  static Integer n(String tag, Integer v) {
    log(tag + "=" + v);
    return v;
  }

  @Async
  void m3() {
    n("t2", (F.sn ^= await(TestFutures.<Integer>laterFail(new IllegalStateException("t4")))));
  }
}
