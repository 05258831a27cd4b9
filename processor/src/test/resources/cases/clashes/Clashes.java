/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.clashes;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import javax.naming.Context;

/**
 * Whatever the user's file imports or names, the generated code compiles: imports of another
 * Future and Context, parameters named like the machine's own members, a local class named Poll.
 */
public class Clashes {

  static int size(Future<?> f) {
    return f.isDone() ? 1 : 0;
  }

  @Async
  static String importsAnotherFutureAndContext(String initial) {
    Future<String> f = CompletableFuture.completedFuture(initial);
    String name = Context.PROVIDER_URL;
    return await(later(name.length())) + ":" + size(f);
  }

  @Async
  static int parametersNamedLikeTheMachine(
      int LINES, int state, int awaiting, int cx, int DONE, int complete, int failure) {
    int sum = LINES + state + awaiting + cx + DONE + complete + failure;
    return sum + await(later(1));
  }

  @Async
  static String localClassNamedPoll(int n) {
    class Poll {
      final int value;

      Poll(int value) {
        this.value = value;
      }
    }
    Poll p = new Poll(n);
    int later = await(later(p.value * 2));
    return "poll " + later;
  }
}
