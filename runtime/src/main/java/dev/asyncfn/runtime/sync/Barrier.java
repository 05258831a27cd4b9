/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import dev.asyncfn.runtime.internal.sync.SyncMessages;
import dev.asyncfn.runtime.internal.sync.Waiter;
import dev.asyncfn.runtime.internal.sync.WaiterList;
import dev.asyncfn.runtime.internal.sync.WakeList;

/**
 * Lets a fixed number of tasks wait for each other: the {@code n}-th {@link #waitFor()} releases
 * all {@code n}, and the barrier is ready for the next round (Tokio's {@code
 * tokio::sync::Barrier}).
 *
 * <p>Exactly one task of each round is told it is the {@linkplain WaitResult#isLeader() leader}
 * (the one whose arrival completed the round), for work that must happen once per round.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Barrier start = new Barrier(3);
 * // in each of the 3 tasks:
 * Barrier.WaitResult r = await(start.waitFor());
 * if (r.isLeader()) System.out.println("all three are here");
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Any thread may wait; the tasks of a round are woken by whichever task arrives last.
 *
 * <h2>Cancellation</h2>
 *
 * A wait counts as an arrival from its first poll. Cancelling it before its round completes takes
 * the arrival back, so the round still needs {@code n} live arrivals; cancelling it after the
 * round completed changes nothing (the round is not undone).
 */
public final class Barrier {
  private final int parties;
  private final WaiterList<Wait> waiters = new WaiterList<>();

  /** Arrivals in the current round; guarded by {@code waiters}. */
  private int arrived;

  /** The current round; guarded by {@code waiters}. */
  private long generation;

  /**
   * A barrier for {@code parties} tasks.
   *
   * @throws IllegalArgumentException if {@code parties} is less than 1
   */
  public Barrier(int parties) {
    if (parties < 1) {
      throw new IllegalArgumentException("a barrier needs at least 1 party, got " + parties);
    }
    this.parties = parties;
  }

  /** The number of tasks each round waits for. */
  public int parties() {
    return parties;
  }

  /**
   * A future that arrives at the barrier at its first poll and completes when the round is
   * complete (Tokio's {@code Barrier::wait}; named so as not to clash with {@link Object#wait()}).
   *
   * <p>Cancel safety: cancelled before its round completed, the arrival is taken back.
   */
  public Future<WaitResult> waitFor() {
    return new Wait(this);
  }

  /** What a completed {@link #waitFor()} tells its task (Tokio's {@code BarrierWaitResult}). */
  public static final class WaitResult {
    static final WaitResult LEADER = new WaitResult(true);
    static final WaitResult FOLLOWER = new WaitResult(false);

    private final boolean leader;

    private WaitResult(boolean leader) {
      this.leader = leader;
    }

    /** Whether this task's arrival completed the round; true for exactly one task per round. */
    public boolean isLeader() {
      return leader;
    }

    @Override
    public String toString() {
      return leader ? "WaitResult(leader)" : "WaitResult(follower)";
    }
  }

  private static final class Wait extends Waiter implements Future<WaitResult> {
    private static final Poll<WaitResult> READY_LEADER = Poll.ready(WaitResult.LEADER);
    private static final Poll<WaitResult> READY_FOLLOWER = Poll.ready(WaitResult.FOLLOWER);

    private static final int IDLE = 0;
    private static final int WAITING = 1;
    private static final int DONE = 2;

    private final Barrier barrier;
    private int phase = IDLE;
    private long generation;

    Wait(Barrier barrier) {
      this.barrier = barrier;
    }

    @Override
    public Poll<WaitResult> poll(Context cx) {
      WakeList wakes;
      synchronized (barrier.waiters) {
        if (phase == WAITING) {
          if (barrier.generation != generation) {
            phase = DONE;
            return READY_FOLLOWER;
          }
          Waker w = cx.waker();
          if (waker == null || !waker.willWake(w)) {
            waker = w;
          }
          return Poll.pending();
        }
        if (phase == DONE) {
          throw new IllegalStateException(SyncMessages.POLLED_AFTER_DONE);
        }
        if (++barrier.arrived < barrier.parties) {
          phase = WAITING;
          generation = barrier.generation;
          waker = cx.waker();
          barrier.waiters.addLast(this);
          return Poll.pending();
        }
        barrier.arrived = 0;
        barrier.generation++;
        wakes = new WakeList();
        barrier.waiters.removeAllInto(wakes);
        phase = DONE;
      }
      wakes.wakeAll();
      return READY_LEADER;
    }

    @Override
    public void cancel() {
      synchronized (barrier.waiters) {
        if (phase == WAITING && barrier.generation == generation) {
          barrier.waiters.remove(this);
          barrier.arrived--;
        }
        phase = DONE;
        waker = null;
      }
    }
  }
}
