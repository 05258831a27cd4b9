/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.overloads;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Overloads of one name: each gets its own factory and state machine. */
public class Overloads {

  @Async
  static String describe(int x) {
    return "int " + await(later(x));
  }

  @Async
  static String describe(long x) {
    return "long " + await(later(x));
  }

  @Async
  static String describe(String x) {
    return "String " + await(later(x));
  }

  @Async
  static String describe(int x, int y) {
    log("two ints");
    return "ints " + await(later(x + y));
  }

  static String describe(double x) {
    return "not async " + x;
  }

  @Async
  static String callsOverloads() {
    return await(OverloadsAsync.describe(1))
        + "; "
        + await(OverloadsAsync.describe(2L))
        + "; "
        + await(OverloadsAsync.describe("s"))
        + "; "
        + describe(1.5);
  }
}
