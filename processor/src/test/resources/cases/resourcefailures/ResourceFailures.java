/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.resourcefailures;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.laterFail;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** A resource initialiser whose await fails: only the resources opened before it are closed. */
public class ResourceFailures {

  /** A resource that logs its open and close. */
  static final class Res implements AutoCloseable {
    final String name;

    Res(String name) {
      this.name = name;
      log("open " + name);
    }

    @Override
    public void close() {
      log("close " + name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Async
  static void awaitedInitFailsClosesEarlierOnly() {
    try (Res a = new Res("a");
        Res b = await(laterFail(new IllegalStateException("init b")))) {
      log("body " + b);
    }
  }
}
