/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.debug.TaskDump;
import dev.asyncfn.runtime.debug.TaskInfo;
import dev.asyncfn.runtime.debug.TaskState;
import dev.asyncfn.runtime.internal.debug.Chains;
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.task.TaskSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes a {@link TaskDump} of a runtime: its tasks' snapshots, each with the chain of machines its
 * future is suspended in. The walk of each chain runs on the calling thread, outside every lock of
 * the runtime, so a dump delays no spawn or poll beyond copying the registry's links.
 */
final class TaskDumps {
  private TaskDumps() {}

  static TaskDump of(Handle handle) {
    Instant at = Instant.now();
    List<TaskSnapshot> snapshots = handle.snapshot();
    long now = System.nanoTime();
    List<TaskInfo> tasks = new ArrayList<>(snapshots.size());
    for (TaskSnapshot s : snapshots) {
      Chains.Chain chain = Chains.of(s.root());
      tasks.add(
          new TaskInfo(
              s.id(),
              Optional.ofNullable(s.name()),
              state(s.state()),
              s.cancelled(),
              since(now, s.createdAt()),
              s.polledAt() == null ? Optional.empty() : Optional.of(since(now, s.polledAt())),
              chain.frames(),
              Optional.ofNullable(chain.awaiting()),
              Optional.ofNullable(s.spawnedAt())));
    }
    return new TaskDump(handle.label(), at, tasks);
  }

  /** The time from {@code then} (a coarse reading, possibly a little ahead) to {@code now}. */
  private static Duration since(long now, long then) {
    return Duration.ofNanos(Math.max(0, now - then));
  }

  private static TaskState state(TaskSnapshot.State s) {
    switch (s) {
      case RUNNING:
        return TaskState.RUNNING;
      case SCHEDULED:
        return TaskState.SCHEDULED;
      default:
        return TaskState.IDLE;
    }
  }
}
