/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.checked;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterIo;
import static dev.asyncfn.testing.TestFutures.laterThrow;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Checked exceptions stay checked: catch IOException around an await of a ThrowingFuture. */
public class Checked {

  @Async
  static String catchIoAroundThrowingFuture() {
    try {
      String s = await(laterThrow(new IOException("disk gone")));
      return "no " + s;
    } catch (IOException e) {
      log("caught " + e.getMessage());
      return "caught " + e.getMessage();
    }
  }

  @Async
  static String catchSubclassOfDeclaredType() {
    try {
      await(TestFutures2.<Integer>io(new FileNotFoundException("missing.txt")));
      return "no";
    } catch (FileNotFoundException e) {
      return "fnf " + e.getMessage();
    } catch (IOException e) {
      return "io " + e.getMessage();
    }
  }

  @Async
  static String readsIo(boolean fail) throws IOException {
    String s = await(laterIo("data"));
    if (fail) {
      throw new IOException("failed after " + s);
    }
    return s.toUpperCase();
  }

  @Async
  static String propagatesChecked() throws IOException {
    log("before");
    String s = await(laterThrow(new IOException("propagated")));
    log("unreachable " + s);
    return s;
  }

  @Async
  static int twoCheckedTypes(int which) throws IOException, TimeoutException {
    int v = await(later(which));
    if (v == 1) {
      throw new IOException("io " + v);
    }
    if (v == 2) {
      throw new TimeoutException("timeout " + v);
    }
    return v;
  }

  @Async
  static String catchAndRethrowChecked() throws IOException {
    try {
      return await(laterThrow(new IOException("inner")));
    } catch (IOException e) {
      await(later(0));
      throw new IOException("outer", e);
    }
  }

  /** A small helper so the case also awaits a ThrowingFuture from another class. */
  static final class TestFutures2 {
    static <T> dev.asyncfn.runtime.ThrowingFuture<T, IOException> io(IOException e) {
      return laterThrow(e);
    }
  }
}
