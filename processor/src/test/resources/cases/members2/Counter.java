/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.members2;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Implicit and explicit this inside lambdas, method references and anonymous classes. */
public class Counter {
  static final Object LOCK = new Object();

  int count = 1;

  int times(int x) {
    return x * count;
  }

  static String describe(Counter c, int v) {
    return "counter " + c.count + " v " + v;
  }

  @Async
  String methodReferenceToThis(List<Integer> xs) {
    count = await(later(3));
    return xs.stream().map(this::times).map(String::valueOf).collect(Collectors.joining(","));
  }

  @Async
  int lambdaUsingFieldsImplicitly() {
    Supplier<Integer> s = () -> count * 2 + this.count;
    count = await(later(5));
    return s.get();
  }

  @Async
  int anonymousClassUsingOuterField() {
    Supplier<Integer> s =
        new Supplier<Integer>() {
          @Override
          public Integer get() {
            return count + times(10);
          }
        };
    count = await(later(2));
    return s.get();
  }

  @Async
  int synchronizedWithoutAwaitInside() {
    int v = await(later(4));
    synchronized (LOCK) {
      count += v;
    }
    log("count " + count);
    return count + await(later(0));
  }

  @Async
  String thisPassedAsArgument() {
    count = 9;
    return describe(this, await(later(7)));
  }
}
