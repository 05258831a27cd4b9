/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sockets a server has open. Each task adds the socket it owns and removes it in the finally
 * block that closes it; that finally also runs when the runtime's shutdown cancels the task, so once
 * {@link Server#close()} returned the set is empty, which the tests check.
 */
final class OpenSockets {
  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong acceptFailures = new AtomicLong();
  private volatile String lastAcceptFailure;

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

  /** An accept failed and will be retried ({@link Accepting}). */
  void acceptFailed(Exception e) {
    lastAcceptFailure = e.getMessage();
    acceptFailures.incrementAndGet();
  }

  /** How many accepts failed so far. */
  long acceptFailures() {
    return acceptFailures.get();
  }

  /** The message of the last failed accept, or null. */
  String lastAcceptFailure() {
    return lastAcceptFailure;
  }
}
