/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Tasks;
import java.util.ArrayList;
import java.util.List;

/** Futures that answer after one suspension, and a global trace of what ran. */
public final class Remote {
  public static final List<String> TRACE = new ArrayList<>();

  private Remote() {}

  public static <T> Future<T> later(T value) {
    return Futures.map(Tasks.yieldNow(), ignored -> {
      TRACE.add("later " + value);
      return value;
    });
  }

  public static List<String> take() {
    List<String> out = List.copyOf(TRACE);
    TRACE.clear();
    return out;
  }
}
