/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.task;

import dev.asyncfn.runtime.Future;

/**
 * A live task as a dump sees it, copied from the task cell without stopping it: a racy snapshot.
 *
 * @param kind {@code task}, or {@code blocking job}
 * @param id the task's id in its runtime
 * @param name the name given at spawn, or null
 * @param state idle, scheduled or running
 * @param cancelled whether an abort or shutdown asked it to stop
 * @param createdAt {@code CoarseClock} at spawn
 * @param polledAt {@code CoarseClock} when its last poll started, or null if it was never polled
 * @param root its future (null if it completed meanwhile), whose chain of machines says where it is
 * @param spawnedAt where it was spawned, or null
 */
public record TaskSnapshot(
    String kind,
    long id,
    String name,
    State state,
    boolean cancelled,
    long createdAt,
    Long polledAt,
    Future<?> root,
    StackTraceElement spawnedAt) {

  /** What a live task is doing. */
  public enum State {
    /** Waiting for a wake. */
    IDLE,
    /** In a run queue. */
    SCHEDULED,
    /** Being polled. */
    RUNNING
  }

  /** {@code task 7 "totals"}. */
  public String label() {
    return label(kind, id, name);
  }

  static String label(String kind, long id, String name) {
    return name == null ? kind + " " + id : kind + " " + id + " \"" + printable(name) + "\"";
  }

  /** {@code name} on one line, so a marker frame or a dump line stays one line. */
  private static String printable(String name) {
    return name.replace('\n', ' ').replace('\r', ' ');
  }
}
