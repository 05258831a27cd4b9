/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.members;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** Instance and static methods: implicit this, shadowing, outer-class static members. */
public class Members {
  static final int OUTER_CONST = 1000;
  static int total;

  int count;
  String name = "field";

  static int outerStatic(int x) {
    return x + 1;
  }

  int helper(int x) {
    return x * 2 + count;
  }

  @Async
  int incrementCount(int by) {
    count += await(later(by));
    count++;
    this.count += 10;
    return count;
  }

  @Async
  String parameterShadowsField(String name) {
    String a = name + "/" + this.name;
    name = await(later("param-changed"));
    return a + "/" + name + "/" + this.name;
  }

  @Async
  String localShadowsField() {
    String before = name;
    String name = await(later("local"));
    this.name = "assigned";
    return before + "/" + name + "/" + this.name;
  }

  @Async
  int implicitThisCall() {
    count = 3;
    return helper(await(later(5))) + this.helper(1);
  }

  @Async
  static int staticMembers() {
    total = 0;
    total += await(later(5));
    total += outerStatic(await(later(1)));
    return total + OUTER_CONST + Members.total;
  }

  @Async
  Members returnsThis() {
    Members self = this;
    await(later(0));
    log("same " + (self == this));
    return null;
  }
}
