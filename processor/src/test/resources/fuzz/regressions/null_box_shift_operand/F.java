/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.null_box_shift_operand;

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

/** Minimised from random program 100005, method m5. */
public class F {
  static int sc;
  static Integer sn;

  static void reset() {
    sc = 0;
    sn = null;
  }

  static int i(String tag, int v) {
    log(tag + "=" + v);
    return v;
  }

  @Async
  static int m2(int p0) {
    i("t7", 6);
    return p0;
  }

  @Async
  static Integer m5() {
    int sc = (F.sn >> await(FAsync.m2(F.sc)));
    return Integer.valueOf(8);
  }
}
