/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets a server has open. Each task adds the socket it owns and removes it in the finally
 * block that closes it; that finally also runs when the runtime's shutdown cancels the task, so once
 * {@link Server#close()} returned the set is empty, which the tests check.
 */
final class OpenSockets {
  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

  <T extends AutoCloseable> T add(T socket) {
    open.add(socket);
    return socket;
  }

  void remove(AutoCloseable socket) {
    open.remove(socket);
  }

  int size() {
    return open.size();
  }
}
