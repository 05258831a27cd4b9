/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.negative_constant_local_after_cast;

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

/** Minimised from random program 401135 (run seed 4). */
public class F {
  static int sc;
  static long sl;
  int count = 1;

  static void reset() {
    sc = 0;
    sl = 0L;
  }

  @Async
  int m3() {
    final int sc = ((short) -2);
    var sl = await(later(0));
    return (count -= ((Integer) sc));
  }
}
