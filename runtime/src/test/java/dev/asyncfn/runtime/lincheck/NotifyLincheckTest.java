/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.sync.Notify;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * {@link Notify} under Lincheck: each thread is a task that creates a {@code notified()} future,
 * polls it (waiting), and may cancel it; any thread calls {@code notifyOne()} or {@code
 * notifyWaiters()}. Creating and first polling are separate operations because {@code
 * notifyWaiters()} completes the futures created before it, polled or not.
 */
@Param(name = "task", gen = ThreadIdGen.class)
public class NotifyLincheckTest {
  private final Notify notify = new Notify();
  private final Tasks tasks = new Tasks();

  @Operation
  public Object notified(@Param(name = "task") int t) {
    return tasks.slot(t).start(notify::notified);
  }

  @Operation
  public Object poll(@Param(name = "task") int t) {
    return tasks.slot(t).pollStarted();
  }

  @Operation
  public Object cancel(@Param(name = "task") int t) {
    return tasks.slot(t).cancel();
  }

  @Operation
  public void notifyOne() {
    notify.notifyOne();
  }

  @Operation
  public void notifyWaiters() {
    notify.notifyWaiters();
  }

  @Validate
  public void noLostWakeUps() {
    tasks.verify();
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // A notifyOne() racing with the cancel of the waiter it reaches: passed on, not lost.
        .addCustomScenario(
            Scenario.of(getClass())
                .init("notified", 1, "poll", 1)
                .thread("cancel", 1)
                .thread("notifyOne")
                .post("notified", 4, "poll", 4)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /**
   * Tokio's {@code Notify}: {@code notifyOne()} completes the longest-waiting future, or stores one
   * permit (at most one) when none waits, which the next {@code notified()} takes at its first
   * poll; {@code notifyWaiters()} completes every waiting future and every future created before
   * it, and stores nothing. A cancelled future that a {@code notifyOne()} had already reached
   * passes it on to the next waiter, or back to the permit.
   */
  public static final class Spec {
    private boolean permit;
    private long waitersCalls;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private final Tasks tasks = new Tasks();

    private enum Phase {
      IDLE,
      WAITING,
      NOTIFIED_ONE,
      NOTIFIED_ALL,
      DONE
    }

    private final class Waiting implements Future<Void> {
      final long callsAtCreation = waitersCalls;
      Phase phase = Phase.IDLE;

      @Override
      public Poll<Void> poll(dev.asyncfn.runtime.Context cx) {
        switch (phase) {
          case IDLE:
            if (waitersCalls != callsAtCreation || permit) {
              if (waitersCalls == callsAtCreation) {
                permit = false;
              }
              phase = Phase.DONE;
              return Poll.ready(null);
            }
            phase = Phase.WAITING;
            queue.addLast(this);
            return Poll.pending();
          case WAITING:
            return Poll.pending();
          default:
            phase = Phase.DONE;
            return Poll.ready(null);
        }
      }

      @Override
      public void cancel() {
        if (phase == Phase.WAITING) {
          queue.remove(this);
        } else if (phase == Phase.NOTIFIED_ONE) {
          notifyOne();
        }
        phase = Phase.DONE;
      }
    }

    public Object notified(int t) {
      return tasks.slot(t).start(Waiting::new);
    }

    public Object poll(int t) {
      return tasks.slot(t).pollStarted();
    }

    public Object cancel(int t) {
      return tasks.slot(t).cancel();
    }

    public void notifyOne() {
      Waiting w = queue.pollFirst();
      if (w == null) {
        permit = true;
      } else {
        w.phase = Phase.NOTIFIED_ONE;
      }
    }

    public void notifyWaiters() {
      waitersCalls++;
      for (Waiting w : queue) {
        w.phase = Phase.NOTIFIED_ALL;
      }
      queue.clear();
    }
  }
}
