/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: an unknown type argument in a bounded generic @Async method
package broken.unknowntypeingeneric;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Generic {
  @Async
  static <T extends Comparable<? super T>> T bad(java.util.List<? extends Future<? extends T>> fs) {
    T best = null;
    for (Future<? extends T> f : fs) {
      Mapp<T, T> seen = null; // <-
      T v = await(f);
      best = v;
    }
    return best;
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
