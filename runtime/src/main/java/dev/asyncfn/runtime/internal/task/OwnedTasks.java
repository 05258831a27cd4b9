/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.task;

import dev.asyncfn.runtime.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The registry of a runtime's live tasks, sharded to keep threads off each other's lock. Shutdown
 * walks it to cancel every task that has not completed (Tokio's {@code OwnedTasks}).
 *
 * <p>Each task goes to a shard picked at random, not by the spawning thread: the tasks one thread
 * spawns are completed, and so unlinked, by every worker, and with one shard per spawner two
 * workers completing a burst of them would queue on the same lock for every task (13% of the
 * workers' time when 1,000,000 tasks woke at once). Tokio spreads them the same way, by task id.
 *
 * <p>Internal. A task is linked from spawn until it completes; completion unlinks it.
 */
public final class OwnedTasks {
  private final TaskList[] shards;
  private final int mask;

  /** A registry of {@code shardCount} (rounded up to a power of two) shards. */
  public OwnedTasks(Scheduler scheduler, int shardCount) {
    int n = Integer.highestOneBit(Math.max(1, shardCount - 1)) << 1;
    shards = new TaskList[n];
    for (int i = 0; i < n; i++) {
      shards[i] = new TaskList(scheduler);
    }
    mask = n - 1;
  }

  /**
   * Creates the task for {@code future}, registers it and schedules its first poll. After {@link
   * #closeAndCancelAll()} the task is returned already cancelled and is never polled.
   */
  public <T> Task<T> spawn(Future<T> future) {
    return shards[ThreadLocalRandom.current().nextInt() & mask].spawn(future);
  }

  /** Closes every shard and cancels every task still registered, on the calling thread. */
  public void closeAndCancelAll() {
    for (TaskList shard : shards) {
      shard.closeAndCancelAll();
    }
  }

  /** Number of live tasks; O(n), for tests and diagnostics. */
  public int size() {
    int n = 0;
    for (TaskList shard : shards) {
      n += shard.size();
    }
    return n;
  }
}
