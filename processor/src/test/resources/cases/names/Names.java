/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.names;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** User names that a state machine might use for itself: they must not clash. */
public class Names {
  int self = 100;

  @Async
  static int localsNamedLikeMachineParts(int cx) {
    int state = await(later(1));
    int awaiting = await(later(2));
    int DONE = 3;
    int poll1 = await(later(4));
    int value2 = 5;
    int held1 = await(later(6));
    Throwable failure = new IllegalStateException("not thrown");
    int LINES = 7;
    await(later(0));
    log(failure.getMessage());
    return cx + state + awaiting + DONE + poll1 + value2 + held1 + LINES;
  }

  @Async
  static int userLabelNamedMachine(int n) {
    int s = 0;
    machine:
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j > i) {
          continue machine;
        }
        s += await(later(1));
      }
    }
    return s;
  }

  /** An instance method with a parameter and a field named self. */
  @Async
  int parameterNamedSelf(int self) {
    int own = this.self;
    int later = await(later(self));
    return own + later + self;
  }

  /** A local with the same name as the method, and one named like the companion. */
  @Async
  static String localNamedLikeMethodAndCompanion() {
    String localNamedLikeMethodAndCompanion = await(later("m"));
    String NamesAsync = await(later("c"));
    return localNamedLikeMethodAndCompanion + NamesAsync;
  }
}
