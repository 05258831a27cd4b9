/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;

/** Pending forever; a hand-written future, shown in dumps by its toString. */
final class Never<T> implements Future<T> {
  private final String what;

  Never(String what) {
    this.what = what;
  }

  @Override
  public Poll<T> poll(Context cx) {
    return Poll.pending();
  }

  @Override
  public String toString() {
    return "Never[" + what + "]";
  }
}
