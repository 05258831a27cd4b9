/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.interfaces;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** Static and default @Async methods of an interface. */
public interface Service {

  String name();

  @Async
  static int twice(int x) {
    return await(later(x)) * 2;
  }

  @Async
  default String greet(String who) {
    return name() + " greets " + await(later(who));
  }

  /** An implementation, for the receiver of the default method. */
  final class Impl implements Service {
    @Override
    public String name() {
      return "impl";
    }
  }
}
