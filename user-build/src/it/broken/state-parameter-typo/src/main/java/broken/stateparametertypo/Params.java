/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: parameters named state, LINES, cx, machine and a misspelt use of one
package broken.stateparametertypo;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Params {
  @Async
  static int bad(int state, int LINES, String cx, long machine) {
    int a = await(Futures.ready(state + LINES));
    return a + cx.length() + (int) machine + stat; // <-
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
