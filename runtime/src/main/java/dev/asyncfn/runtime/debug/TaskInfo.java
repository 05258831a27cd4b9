/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.debug;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One live task in a {@link TaskDump}: who it is, what it is doing, and where it is suspended.
 *
 * <p>{@link #frames()} is the chain of {@code @Async} methods the task is suspended in, innermost
 * first like a stack trace, each at the line of its await ({@code shop.Orders.price(Orders.java:
 * 15)}); {@link #awaiting()} describes the innermost future that is not an {@code @Async} machine
 * (a timer, a channel receive, a hand-written future) by its {@code toString()}. A running task's
 * innermost machine shows the line its running state starts at.
 *
 * <p>The times come from a clock that the runtime's watchdog reads every 25 ms, so they are
 * accurate to about that.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * for (TaskInfo t : runtime.dumpTasks().tasks()) {
 *   if (t.sinceLastPoll().orElse(Duration.ZERO).toMinutes() > 5) {
 *     log.info("stuck? " + t);
 *   }
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Immutable. Taken from a running runtime without stopping it, a dump is a snapshot in which
 * different tasks may have been read at slightly different moments.
 *
 * @param id the task's id, unique in its runtime
 * @param name the name given to {@code spawn(name, future)}, if any
 * @param state idle, scheduled or running
 * @param cancelling whether an abort or shutdown asked the task to stop (it stops at once unless
 *     running)
 * @param age time since the task was spawned
 * @param sinceLastPoll time since its last poll started; empty if it was never polled
 * @param frames the {@code @Async} frames it is suspended in, innermost first
 * @param awaiting the innermost awaited future that is not an {@code @Async} machine, described
 * @param spawnedAt where it was spawned, if known (see {@code docs/debugging.md})
 */
public record TaskInfo(
    long id,
    Optional<String> name,
    TaskState state,
    boolean cancelling,
    Duration age,
    Optional<Duration> sinceLastPoll,
    List<StackTraceElement> frames,
    Optional<String> awaiting,
    Optional<StackTraceElement> spawnedAt) {

  /** Checks that nothing is null and copies the frames. */
  public TaskInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(sinceLastPoll, "sinceLastPoll");
    frames = List.copyOf(frames);
    Objects.requireNonNull(awaiting, "awaiting");
    Objects.requireNonNull(spawnedAt, "spawnedAt");
  }

  /** {@code task 7 "totals"}. */
  public String label() {
    return name.map(n -> "task " + id + " \"" + n + "\"").orElse("task " + id);
  }

  /**
   * The task as a dump prints it:
   *
   * <pre>
   * task 7 "totals" idle, created 1.2 s ago, last polled 1.1 s ago
   *     awaiting Sleep[...]
   *     at shop.Orders.price(Orders.java:15)
   *     at shop.Orders.total(Orders.java:41)
   *     spawned at shop.Orders.checkoutLater(Orders.java:42)
   * </pre>
   */
  @Override
  public String toString() {
    return appendTo(new StringBuilder(160)).toString();
  }

  /** Appends {@link #toString()}'s text to {@code b}: a dump of many tasks builds one string. */
  StringBuilder appendTo(StringBuilder b) {
    b.append("task ").append(id);
    name.ifPresent(n -> b.append(" \"").append(n).append('"'));
    b.append(' ').append(state);
    if (cancelling) {
      b.append(" (cancelling)");
    }
    b.append(", created ");
    Texts.appendDuration(b, age).append(" ago, ");
    if (sinceLastPoll.isPresent()) {
      Texts.appendDuration(b.append("last polled "), sinceLastPoll.get()).append(" ago");
    } else {
      b.append("not polled yet");
    }
    awaiting.ifPresent(a -> b.append("\n\tawaiting ").append(a));
    for (StackTraceElement e : frames) {
      b.append("\n\tat ").append(e);
    }
    spawnedAt.ifPresent(e -> b.append("\n\tspawned at ").append(e));
    return b;
  }
}
