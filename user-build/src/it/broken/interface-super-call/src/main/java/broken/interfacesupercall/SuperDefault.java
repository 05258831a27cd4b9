/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// case: Iface.super.m() of a default method ([asyncfn/SuperCall])
package broken.interfacesupercall;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;

public class SuperDefault implements Named {
  @Async
  String bad() {
    String s = await(Futures.ready("x"));
    return s + Named.super.name(); // <-
  }

  @Async
  static int ok(int x) {
    return await(Futures.ready(x)) + 1;
  }
}

interface Named {
  default String name() {
    return "named";
  }
}
