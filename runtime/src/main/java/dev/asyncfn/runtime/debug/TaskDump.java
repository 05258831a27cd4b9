/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.debug;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The live tasks of a runtime at one moment, each with the chain of {@code @Async} frames it is
 * suspended in: a thread dump for tasks. Get one from {@code AsyncRuntime.dumpTasks()}, {@code
 * RuntimeHandle.dumpTasks()}, or over JMX from the runtime's {@link AsyncRuntimeMXBean}; {@link
 * #toString()} is the text.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * System.err.println(runtime.dumpTasks());
 * }</pre>
 *
 * <p>prints
 *
 * <pre>
 * Tasks of runtime "orders" (id 1, multi-thread, 2 workers) at 2026-12-06T07:00:00Z: 1 live
 *
 * task 7 "totals" idle, created 1.2 s ago, last polled 1.1 s ago
 *     awaiting Sleep[...]
 *     at shop.Orders.price(Orders.java:15)
 *     at shop.Orders.total(Orders.java:41)
 * </pre>
 *
 * <h2>Thread safety</h2>
 *
 * Immutable. Taking a dump does not stop the runtime: each task is read without a lock, so the dump
 * is a snapshot whose tasks may have been read at slightly different moments; a task that completed
 * meanwhile is left out. Tasks of the blocking pool ({@code spawnBlocking}) are not listed.
 *
 * @param runtime the runtime, as {@code runtime "orders" (id 1, multi-thread, 2 workers)}
 * @param takenAt when the dump was taken
 * @param tasks the live tasks, by id
 */
public record TaskDump(String runtime, Instant takenAt, List<TaskInfo> tasks) {

  /** Checks that nothing is null and copies the list. */
  public TaskDump {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(takenAt, "takenAt");
    tasks = List.copyOf(tasks);
  }

  /** The dump as text: a header line, then each task as {@link TaskInfo#toString()} prints it. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(64 + 160 * tasks.size());
    b.append("Tasks of ")
        .append(runtime)
        .append(" at ")
        .append(takenAt)
        .append(": ")
        .append(tasks.size())
        .append(" live\n");
    for (TaskInfo t : tasks) {
      t.appendTo(b.append('\n')).append('\n');
    }
    return b.toString();
  }
}
