/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.sync.Semaphore;
import dev.asyncfn.runtime.sync.SemaphoreClosedException;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * {@link Semaphore} of two permits under Lincheck: tasks acquire one or two (waiting in the FIFO
 * queue, where a request for two holds back a later request for one), cancel a waiting acquire,
 * close their permit, or try; anyone adds a permit or closes the semaphore.
 *
 * <p>{@code availablePermits()} is not an operation: like {@code Mutex.isLocked()} it is a snapshot
 * that may count a permit a release is about to hand to the first waiter.
 */
@Param(name = "task", gen = ThreadIdGen.class)
@Param(name = "n", gen = IntGen.class, conf = "1:2")
public class SemaphoreLincheckTest {
  private final Semaphore semaphore = new Semaphore(2);
  private final Tasks tasks = new Tasks();

  @Operation
  public Object acquire(@Param(name = "task") int t, @Param(name = "n") int n) {
    return tasks.holds(t)
        ? "holding"
        : tasks.hold(t, tasks.slot(t).poll(() -> semaphore.acquire(n)));
  }

  @Operation
  public Object cancel(@Param(name = "task") int t) {
    return tasks.slot(t).cancel();
  }

  @Operation
  public Object release(@Param(name = "task") int t) {
    return tasks.release(t, p -> ((Semaphore.Permit) p).close());
  }

  @Operation
  public Object tryAcquire(@Param(name = "task") int t, @Param(name = "n") int n) {
    if (tasks.holds(t) || tasks.slot(t).busy()) {
      return "skipped";
    }
    return Slot.call(
        () -> {
          Semaphore.Permit p = semaphore.tryAcquire(n);
          return p == null ? "refused" : tasks.take(t, p);
        });
  }

  @Operation
  public void addPermit() {
    semaphore.addPermits(1);
  }

  @Operation
  public void close() {
    semaphore.close();
  }

  @Validate
  public void noLostWakeUps() {
    tasks.verify();
    // Once every thread finished, free permits while a task waits are stranded: released permits
    // go to the first waiter until it has all it asked for, so none stay free while one waits.
    if (tasks.anyWaiting() && !semaphore.isClosed() && semaphore.availablePermits() > 0) {
      throw new AssertionError(
          semaphore.availablePermits() + " permits are free but a task still waits");
    }
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // A grant racing with its cancel: the permits go back either way.
        .addCustomScenario(
            Scenario.of(getClass())
                .init("acquire", 1, 2)
                .thread("release", 1)
                .thread("acquire", 2, 1, "cancel", 2)
                .post("acquire", 3, 2)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /** {@link SemaphoreModel} of two permits; a closed one fails acquisitions. */
  public static final class Spec {
    private final SemaphoreModel sem = new SemaphoreModel(2);
    private final Tasks tasks = new Tasks();

    public Object acquire(int t, int n) {
      return tasks.holds(t)
          ? "holding"
          : tasks.hold(t, tasks.slot(t).poll(() -> sem.take(n, Spec::closed)));
    }

    public Object cancel(int t) {
      return tasks.slot(t).cancel();
    }

    public Object release(int t) {
      return tasks.release(t, n -> sem.release((Integer) n));
    }

    public Object tryAcquire(int t, int n) {
      if (tasks.holds(t) || tasks.slot(t).busy()) {
        return "skipped";
      }
      int r = sem.tryAcquire(n);
      if (r == SemaphoreModel.CLOSED) {
        return Slot.threw(closed());
      }
      return r == SemaphoreModel.ACQUIRED ? tasks.take(t, n) : "refused";
    }

    public void addPermit() {
      sem.release(1);
    }

    public void close() {
      sem.close();
    }

    private static RuntimeException closed() {
      return new SemaphoreClosedException("closed");
    }
  }
}
