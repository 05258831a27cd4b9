/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.checkedcalls;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.laterIo;

import dev.asyncfn.Async;
import java.io.IOException;

/** Awaiting an @Async method declared throws IOException lets the caller catch IOException. */
public class CheckedCalls {

  @Async
  static String read(boolean fail) throws IOException {
    String s = await(laterIo("payload"));
    if (fail) {
      throw new IOException("read failed");
    }
    return s;
  }

  @Async
  static String callerCatches(boolean fail) {
    try {
      return "got " + await(CheckedCallsAsync.read(fail));
    } catch (IOException e) {
      return "caught " + e.getMessage();
    }
  }

  @Async
  static String callerPropagates() throws IOException {
    return await(CheckedCallsAsync.read(true));
  }
}
