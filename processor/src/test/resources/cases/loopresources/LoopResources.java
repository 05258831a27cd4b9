/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.loopresources;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Jumps out of try-with-resources inside loops: resources close on every path. */
public class LoopResources {

  static final class Res implements AutoCloseable {
    final int id;

    Res(int id) {
      this.id = id;
      log("open " + id);
    }

    @Override
    public void close() {
      log("close " + id);
    }
  }

  @Async
  static int breakOutOfTryWithResources(int stopAt) {
    int i = 0;
    while (true) {
      try (Res r = new Res(i)) {
        if (await(later(r.id)) == stopAt) {
          break;
        }
      }
      i++;
    }
    return i;
  }

  @Async
  static int continueInsideTryWithResources(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      try (Res r = new Res(i)) {
        if (i % 2 == 0) {
          continue;
        }
        s += await(later(r.id));
      }
    }
    return s;
  }

  @Async
  static String returnFromNestedResourcesInLoop(int at) {
    for (int i = 0; i < 5; i++) {
      try (Res outer = new Res(i * 10);
          Res inner = new Res(i * 10 + 1)) {
        if (await(later(i)) == at) {
          return "returned at " + i;
        }
      }
    }
    return "never";
  }
}
