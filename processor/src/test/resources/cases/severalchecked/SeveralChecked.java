/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.severalchecked;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Futures;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Several checked exceptions stay several: callers catch each, and blockOn declares each. */
public class SeveralChecked {

  @Async
  static String fails(int k) throws IOException, TimeoutException {
    await(later(k));
    if (k == 1) {
      throw new IOException("io");
    }
    if (k == 2) {
      throw new TimeoutException("late");
    }
    return "ok" + k;
  }

  @Async
  static String failsThree(int k)
      throws FileNotFoundException, IOException, TimeoutException, InterruptedException {
    String s = await(SeveralCheckedAsync.fails(k));
    if (k == 3) {
      throw new InterruptedException("stop");
    }
    return s;
  }

  @Async
  static String catchesEach(int k) {
    try {
      return await(SeveralCheckedAsync.fails(k));
    } catch (IOException e) {
      return "io:" + e.getMessage();
    } catch (TimeoutException e) {
      return "timeout:" + e.getMessage();
    }
  }

  @Async
  static String multiCatch(int k) {
    try {
      return await(SeveralCheckedAsync.failsThree(k));
    } catch (IOException | TimeoutException | InterruptedException e) {
      return e.getClass().getSimpleName();
    }
  }

  /** Not @Async: blockOn declares both exceptions, so this compiles only if it does. */
  static String blocking(int k) {
    try {
      return Futures.blockOn(SeveralCheckedAsync.fails(k));
    } catch (IOException | TimeoutException e) {
      return "blocked:" + e.getMessage();
    }
  }
}
