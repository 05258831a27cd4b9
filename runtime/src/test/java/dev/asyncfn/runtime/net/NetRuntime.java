/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import dev.asyncfn.runtime.internal.reactor.Reactor;
import java.util.concurrent.TimeUnit;

/**
 * A runtime for one test, and the checks every network test ends with: no selection key left in
 * the runtime's reactor, then runtime and reactor closed.
 */
final class NetRuntime implements AutoCloseable {
  final AsyncRuntime rt;

  NetRuntime(String flavour) {
    rt = Steps.runtime(flavour);
  }

  /** The reactor of this runtime (created if no socket waited yet), looked up from inside it. */
  Reactor reactor() {
    return rt.blockOn(Futures.lazy(RuntimeContext::reactor));
  }

  /** Asserts that every socket this runtime waited on was deregistered. */
  void assertNoKeys() throws Exception {
    assertEquals(0, reactor().registeredKeys().get(5, TimeUnit.SECONDS), "selection keys left");
  }

  /** Shuts the runtime down, which closes its reactor. */
  @Override
  public void close() {
    rt.close();
  }
}
