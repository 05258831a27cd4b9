/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.resources;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterFail;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** try-with-resources across awaits: close order, suppressed exceptions, null resources. */
public class Resources {

  /** A resource that logs its close and can fail to close. */
  static final class Res implements AutoCloseable {
    final String name;
    final boolean failClose;

    Res(String name, boolean failClose) {
      this.name = name;
      this.failClose = failClose;
      log("open " + name);
    }

    Res(String name) {
      this(name, false);
    }

    @Override
    public void close() {
      log("close " + name);
      if (failClose) {
        throw new IllegalStateException("close failed: " + name);
      }
    }
  }

  @Async
  static String awaitInResourceInit() {
    try (Res a = await(later(new Res("a")));
        Res b = new Res("b" + await(later(2)))) {
      log("body " + a.name + b.name);
      return a.name + b.name;
    }
  }

  @Async
  static int awaitInBody(int n) {
    try (Res r = new Res("r")) {
      int v = await(later(n));
      log("body " + v + " " + r.name);
      return v * 2;
    }
  }

  @Async
  static void closeOrderAndSuppressed(boolean failBody) {
    try (Res a = new Res("a", true);
        Res b = new Res("b", true)) {
      await(later(0));
      if (failBody) {
        throw new UnsupportedOperationException("body failed");
      }
      log("body done");
    }
  }

  @Async
  static String closeFailureAfterAwaitIsCaught() {
    try {
      try (Res a = new Res("a", true)) {
        await(later(1));
        log("body");
      }
      return "not reached";
    } catch (IllegalStateException e) {
      return "caught " + e.getMessage() + " suppressed=" + e.getSuppressed().length;
    }
  }

  @Async
  static String nullResourceIsNotClosed() {
    try (Res r = null) {
      return "null ok " + await(later(1));
    }
  }

  @Async
  static String withCatchAndFinally(boolean fail) {
    StringBuilder sb = new StringBuilder();
    try (Res r = new Res("r")) {
      sb.append(await(later("body ")));
      if (fail) {
        await(laterFail(new IllegalArgumentException("x")));
      }
    } catch (IllegalArgumentException e) {
      log("catch runs after close");
      sb.append("catch ");
    } finally {
      sb.append(await(later("finally")));
    }
    return sb.toString();
  }

  @Async
  static String existingVariableAsResource() {
    Res r = new Res("existing");
    try (r) {
      return await(later(r.name)) + " used";
    }
  }

}
