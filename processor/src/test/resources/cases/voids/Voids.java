/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.voids;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** void methods: a Future of Void, early return, awaiting other void methods. */
public class Voids {

  @Async
  static void logs(int n) {
    for (int i = 0; i < n; i++) {
      log("tick " + await(later(i)));
    }
  }

  @Async
  static void earlyReturn(boolean early) {
    log("start");
    if (await(later(early))) {
      log("leaving");
      return;
    }
    log("end");
  }

  @Async
  static void callsOtherVoids() {
    await(VoidsAsync.logs(2));
    await(VoidsAsync.earlyReturn(true));
    Void v = await(VoidsAsync.earlyReturn(false));
    log("void result " + v);
  }
}
