/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.sync.Mutex;
import dev.asyncfn.runtime.sync.MutexGuard;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * {@link Mutex} under Lincheck: each thread is a task that locks (waiting in the queue), cancels
 * its waiting lock, unlocks the guard it holds, or tries to lock. Mutual exclusion and FIFO
 * hand-over are in the specification: a second {@code "acquired"} before an unlock, or a lock that
 * jumped the queue, has no linearization.
 *
 * <p>{@code isLocked()} is not an operation here: it is documented as a hint, and it is one. A
 * release adds its permit to the free count before handing it to the first waiter, so in between
 * {@code isLocked()} says false although no {@code tryLock()} could take the lock.
 */
@Param(name = "task", gen = ThreadIdGen.class)
public class MutexLincheckTest {
  private final Mutex<Integer> mutex = new Mutex<>(0);
  private final Tasks tasks = new Tasks();

  @Operation
  public Object lock(@Param(name = "task") int t) {
    if (tasks.holds(t)) {
      return "holding";
    }
    return tasks.hold(t, tasks.slot(t).poll(mutex::lock));
  }

  @Operation
  public Object cancelLock(@Param(name = "task") int t) {
    return tasks.slot(t).cancel();
  }

  @Operation
  public Object unlock(@Param(name = "task") int t) {
    return tasks.release(t, g -> ((MutexGuard<?>) g).close());
  }

  @Operation
  public Object tryLock(@Param(name = "task") int t) {
    if (tasks.holds(t) || tasks.slot(t).busy()) {
      return "skipped";
    }
    MutexGuard<Integer> g = mutex.tryLock();
    return g == null ? "refused" : tasks.take(t, g);
  }

  @Validate
  public void noLostWakeUps() {
    tasks.verify();
    // Once every thread finished, a waiting task means the lock is held, or was handed to the
    // first waiter: a free lock with a waiter behind it would be stranded, and its task asleep
    // for good. (The hint is exact here: no release is in progress.)
    if (tasks.anyWaiting() && !mutex.isLocked()) {
      throw new AssertionError("the lock is free but a task still waits for it");
    }
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // An unlock racing with a lock that is about to queue: the lock is not stranded.
        .addCustomScenario(
            Scenario.of(getClass())
                .init("lock", 1)
                .thread("unlock", 1)
                .thread("lock", 2, "lock", 2)
                .build())
        // An unlock handing the lock to a waiter while another task tries to take it.
        .addCustomScenario(
            Scenario.of(getClass())
                .init("lock", 1, "lock", 2)
                .thread("unlock", 1)
                .thread("tryLock", 3)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /** A semaphore of one permit ({@link SemaphoreModel}); the guard is holding that permit. */
  public static final class Spec {
    private final SemaphoreModel sem = new SemaphoreModel(1);
    private final Tasks tasks = new Tasks();

    public Object lock(int t) {
      if (tasks.holds(t)) {
        return "holding";
      }
      return tasks.hold(t, tasks.slot(t).poll(() -> sem.take(1, IllegalStateException::new)));
    }

    public Object cancelLock(int t) {
      return tasks.slot(t).cancel();
    }

    public Object unlock(int t) {
      return tasks.release(t, g -> sem.release(1));
    }

    public Object tryLock(int t) {
      if (tasks.holds(t) || tasks.slot(t).busy()) {
        return "skipped";
      }
      return sem.tryAcquire(1) == SemaphoreModel.ACQUIRED ? tasks.take(t, "guard") : "refused";
    }
  }
}
