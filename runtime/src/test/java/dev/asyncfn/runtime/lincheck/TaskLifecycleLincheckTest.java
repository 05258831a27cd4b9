/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.internal.task.Scheduler;
import dev.asyncfn.runtime.internal.task.Task;
import dev.asyncfn.runtime.internal.task.TaskList;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * One task's life under Lincheck: the executor thread runs it from its run queue, anyone wakes it
 * or gives its future an output or a failure; the joining task awaits the handle, drops it
 * (detach), and asks whether it finished.
 *
 * <p>One executor thread, and no abort: a run takes the task from the queue and then polls it, and
 * an abort that finds the task being polled only asks the poller to cancel when its poll returns.
 * Between those steps the task is neither queued nor finished, a state between two operations that
 * no sequential specification holds (a second executor finding the queue empty, or an abort that
 * returned, would see it). Those races are {@link TaskRacesLincheckTest}'s, checked with Lincheck's
 * model checker on scenarios with their outcomes asserted.
 *
 * <p>The run queue is a stand-in for an executor's ({@link TaskList} with a {@link Scheduler} of
 * our own, the way both executors use it), so that the test sees every schedule. Besides the
 * results, it checks what no result shows: the task is never in the queue twice, and {@link
 * Controlled} checks that its future is never polled on two threads at once, after ready or after
 * cancel, and is cancelled at most once and never during a poll.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:2")
public class TaskLifecycleLincheckTest {
  private final RunQueue queue = new RunQueue();
  private final Controlled future = new Controlled();
  private final JoinHandle<Integer> handle = new TaskList(queue, "test").spawn(future, null, null);
  private final TestTask joiner = new TestTask();
  private final Slot joining = new Slot(joiner);

  /** Collects scheduled tasks; flags a task scheduled while it is still queued. */
  static final class RunQueue implements Scheduler {
    private final ArrayDeque<Task<?>> tasks = new ArrayDeque<>();
    private volatile boolean twice;

    @Override
    public synchronized void schedule(Task<?> task) {
      if (tasks.contains(task)) {
        twice = true;
      }
      tasks.addLast(task);
    }

    /** No runtime to enter: the future's {@code cancel()} runs on the cancelling thread. */
    @Override
    public void cancelFuture(Future<?> future) {
      future.cancel();
    }

    synchronized Task<?> poll() {
      return tasks.pollFirst();
    }

    void verify() {
      if (twice) {
        throw new AssertionError("a task was scheduled while it was still in the run queue");
      }
    }
  }

  /**
   * The executor thread takes the next entry and runs it. It answers nothing: whether it found the
   * queue empty is decided when it takes the entry, before the poll it then runs.
   */
  @Operation(nonParallelGroup = "executor")
  public void run() {
    Task<?> t = queue.poll();
    if (t != null) {
      t.run();
    }
  }

  // The three below answer nothing either: whether the future had been polled yet (had a waker)
  // is visible before the poll's outcome is, in the same way.

  @Operation
  public void wake() {
    future.wake();
  }

  @Operation
  public void complete(@Param(name = "value") int v) {
    future.complete(v);
  }

  @Operation
  public void fail() {
    future.fail();
  }

  @Operation
  public boolean isFinished() {
    return handle.isFinished();
  }

  @Operation(nonParallelGroup = "joiner")
  public Object join() {
    return joining.poll(() -> handle);
  }

  /** Dropping the awaited handle detaches the task; the next join awaits the same handle. */
  @Operation(nonParallelGroup = "joiner")
  public Object detach() {
    return joining.cancel();
  }

  @Validate
  public void contractsHold() {
    queue.verify();
    future.verify();
    joining.verify();
    joiner.verify();
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // The output arriving while the first poll runs: seen by that poll, or a wake re-queues.
        .addCustomScenario(
            Scenario.of(getClass())
                .thread("run")
                .thread("complete", 1)
                .post("run", "isFinished")
                .build())
        // The joiner waiting while the task completes: it sees the outcome or is woken.
        .addCustomScenario(
            Scenario.of(getClass())
                .init("run")
                .thread("join", "join")
                .thread("complete", 1, "run")
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /**
   * The task as Tokio's state machine, seen one operation at a time (so never "running"): spawned
   * queued; a run of a queued, live task polls the future (which is ready once it has an output); a
   * wake of a task whose future was polled queues it, unless it is queued or finished (a run of
   * that entry then skips it). The handle gives the outcome once (again is misuse); detaching
   * changes nothing else.
   */
  public static final class Spec {
    private int queued = 1;
    private boolean polledOnce;
    private int output;
    private String outcome;
    private boolean joined;
    private boolean joinPending;

    public void run() {
      if (queued == 0) {
        return;
      }
      queued--;
      if (outcome == null) {
        polledOnce = true;
        if (output == Controlled.FAILURE) {
          outcome = "threw:IllegalArgumentException";
        } else if (output != 0) {
          outcome = "ready:" + output;
        }
      }
    }

    public void wake() {
      if (polledOnce && outcome == null && queued == 0) {
        queued = 1;
      }
    }

    public void complete(int v) {
      if (output == 0) {
        output = v;
        wake();
      }
    }

    public void fail() {
      complete(Controlled.FAILURE);
    }

    public boolean isFinished() {
      return outcome != null;
    }

    public Object join() {
      if (joined) {
        joinPending = false;
        return "threw:IllegalStateException";
      }
      if (outcome == null) {
        joinPending = true;
        return Slot.PENDING;
      }
      joined = true;
      joinPending = false;
      return outcome;
    }

    public Object detach() {
      if (!joinPending) {
        return Slot.IDLE;
      }
      joinPending = false;
      return Slot.CANCELLED;
    }
  }
}
