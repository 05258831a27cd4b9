/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.tryfinally;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterFail;
import static dev.asyncfn.testing.TestFutures.laterThrow;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.io.IOException;

/**
 * try/catch/finally, try-with-resources (close failures, suppressed exceptions) and jumps through
 * finally, with awaits in every part, from the processor's first tests.
 */
public class TryFinally {
  static final class Res implements AutoCloseable {
    final String name;
    final boolean failClose;

    Res(String name, boolean failClose) {
      this.name = name;
      this.failClose = failClose;
      log("open " + name);
    }

    @Override
    public void close() throws IOException {
      log("close " + name);
      if (failClose) throw new IOException("close " + name);
    }
  }

  @Async
  static String catchAwaited(int n) {
    try {
      log("try");
      if (n == 1) await(laterFail(new IllegalStateException("one")));
      if (n == 2) await(laterThrow(new IOException("two")));
      return await(later("fine"));
    } catch (IllegalStateException e) {
      log("caught " + e.getMessage());
      return await(later("recovered " + e.getMessage()));
    } catch (IOException | RuntimeException e) {
      log("multi " + e.getMessage());
      return "multi";
    } finally {
      log("finally " + await(later(n)));
    }
  }

  @Async
  static int finallyOverrides(int n) {
    int r = 0;
    for (int i = 0; i < n; i++) {
      try {
        r += await(later(i));
        if (i == 1) continue;
        if (i == 3) break;
        if (i == 4) return -1;
        log("body " + i);
      } finally {
        log("fin " + i);
      }
    }
    return r;
  }

  @Async
  static String nested(int n) throws IOException {
    try {
      try {
        await(later(1));
        if (n > 0) throw new IOException("inner");
      } finally {
        log("inner finally");
        if (n > 1) throw new IllegalStateException("from finally");
      }
    } catch (IllegalStateException e) {
      log("outer caught " + e.getMessage());
    }
    return "done";
  }

  @Async
  static String resources(int n) throws IOException {
    try (Res a = new Res("a", n == 2); Res b = await(later(new Res("b", n == 3)))) {
      log("body");
      await(later(0));
      if (n == 1) throw new IllegalStateException("body failed");
      return a.name + b.name;
    } catch (IllegalStateException e) {
      log("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length);
      return "caught";
    }
  }

  @Async
  static String suppressed(int n) throws IOException {
    try (Res a = new Res("a", true)) {
      await(later(0));
      throw new IllegalStateException("primary");
    } catch (IllegalStateException e) {
      return e.getMessage() + " suppressed " + e.getSuppressed()[0].getMessage();
    }
  }

  @Async
  static String catchThenRethrow(int n) throws IOException {
    try {
      await(laterThrow(new IOException("io")));
      return "no";
    } catch (IOException e) {
      await(later(1));
      log("rethrowing");
      throw e;
    }
  }
}
