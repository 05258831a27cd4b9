/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.heldgeneric;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.List;

/** Held values typed by the enclosing class's type parameters. */
public class Box<A, B extends Number> {
  A first;
  B second;
  final List<A> history = new ArrayList<>();

  @Async
  String heldTypeVariableField(A a, B b) {
    first = a;
    second = b;
    String r = first + "/" + await(later(second)) + "/" + first;
    history.add(first);
    return r + " " + (second.intValue() + await(later(1)));
  }

  @Async
  A heldGenericCallResult(A a) {
    history.add(a);
    A last = history.get(history.size() - 1);
    return history.isEmpty() ? null : pick(last, await(later(a)));
  }

  static <T> T pick(T left, T right) {
    return left;
  }
}
