/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package fuzz.regressions.var_and_simple_name_call_crash;

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

/** Minimised from random program 100003, method m1. */
public class F {
  int count = 1;

  static void reset() {
  }

  static int f3(int a, int b, int c) {
    log("f3(" + a + ", " + b + ", " + c + ")");
    return a * 100 + b * 10 + c;
  }

  int bump(int x) {
    count += x;
    log("bump " + count);
    return count;
  }

  @Async
  Integer m1(int p2) {
    switch (f3((false ? bump(7) : 0), p2, ((byte) 12))) {
    }
    var v14 = ((char) -1);
    int v17 = -3;
    int v18 = (await(later(0)) + v17);
    return 8;
  }
}
