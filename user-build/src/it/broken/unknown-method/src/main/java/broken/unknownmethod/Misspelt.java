/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: a call of a method nothing declares
// KNOWN-BUG: strict-build-hides-error: under -Xlint:all -Werror the processor writes this method's stub machine in the last round, javac warns 'File for type ...Async_bad created in the last round will not be subject to annotation processing', -Werror stops before attribution, and javac's own 'cannot find symbol' on the marked line is never printed (only an [asyncfn/BodyDoesNotCompile] note and 'warnings found and -Werror specified')
package broken.unknownmethod;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class Misspelt {
  @Async
  static int bad(String s) {
    int n = await(Futures.ready(1));
    return n + lenght(s); // <-
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}
