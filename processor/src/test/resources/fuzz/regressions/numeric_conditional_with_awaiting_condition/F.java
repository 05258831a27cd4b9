/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.numeric_conditional_with_awaiting_condition;

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

/** Minimised from random program 201211 (run seed 2, JDK 25). */
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
  static int m5(String p2, int p3) {
    n("t1", (true ? F.sn : (await(later(true)) ? p3 : -1)));
    await(later((p2.charAt(p3) ^ 0)));
    return 0;
  }
}
