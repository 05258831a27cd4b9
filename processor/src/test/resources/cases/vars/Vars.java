/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.vars;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** var locals (the processor must find their types) live across awaits. */
public class Vars {

  @Async
  static String varOfManyTypes() {
    var n = await(later(3));
    var s = "s" + n;
    var list = new ArrayList<String>();
    list.add(await(later(s)));
    var map = Map.of("k", list);
    await(later(0));
    var arr = new long[] {n, list.size()};
    var pair = map.entrySet().iterator().next();
    return pair.getKey() + pair.getValue() + arr[0] + arr[1];
  }

  @Async
  static int varInLoops(List<Integer> xs) {
    var total = 0;
    for (var x : xs) {
      total += await(later(x));
    }
    for (var i = 0; i < 2; i++) {
      total += await(later(i));
    }
    return total;
  }

  /** var of an anonymous class type, used within one state (never held across an await). */
  @Async
  static int varOfAnonymousTypeWithinOneState() {
    int base = await(later(2));
    var counter =
        new Object() {
          int count = base;

          int bump() {
            return ++count;
          }
        };
    counter.bump();
    return counter.bump();
  }
}
