/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The asyncfn runtime: futures, wakers, executors, tasks, time, networking and synchronisation,
 * with no dependency beyond {@code java.base}.
 *
 * <p>Only the API packages are exported, and {@code dev.asyncfn.runtime.support}, which the state
 * machines the processor generates into the user's own module call. Everything under {@code
 * dev.asyncfn.runtime.internal} stays inside this module.
 */
module dev.asyncfn.runtime {
  exports dev.asyncfn.runtime;
  exports dev.asyncfn.runtime.combinator;
  exports dev.asyncfn.runtime.io;
  exports dev.asyncfn.runtime.net;
  exports dev.asyncfn.runtime.stream;
  exports dev.asyncfn.runtime.support;
  exports dev.asyncfn.runtime.sync;
  exports dev.asyncfn.runtime.time;
}
