/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.sync.RwLock;
import dev.asyncfn.runtime.sync.RwLockReadGuard;
import dev.asyncfn.runtime.sync.RwLockWriteGuard;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * {@link RwLock} under Lincheck: each thread is a task that reads or writes (waiting in the queue),
 * cancels its waiting lock, releases its guard, or tries either lock. The specification is Tokio's:
 * a semaphore of {@link RwLock#MAX_READS} permits, a read takes one and a write takes them all, so
 * readers share, a writer excludes everyone, and a queued writer holds back later readers.
 */
@Param(name = "task", gen = ThreadIdGen.class)
public class RwLockLincheckTest {
  private final RwLock<Integer> lock = new RwLock<>(0);
  private final Tasks tasks = new Tasks();

  @Operation
  public Object read(@Param(name = "task") int t) {
    return tasks.holds(t) ? "holding" : tasks.hold(t, tasks.slot(t).poll(lock::read));
  }

  @Operation
  public Object write(@Param(name = "task") int t) {
    return tasks.holds(t) ? "holding" : tasks.hold(t, tasks.slot(t).poll(lock::write));
  }

  @Operation
  public Object cancel(@Param(name = "task") int t) {
    return tasks.slot(t).cancel();
  }

  @Operation
  public Object release(@Param(name = "task") int t) {
    return tasks.release(
        t,
        g -> {
          if (g instanceof RwLockReadGuard) {
            ((RwLockReadGuard<?>) g).close();
          } else {
            ((RwLockWriteGuard<?>) g).close();
          }
        });
  }

  @Operation
  public Object tryRead(@Param(name = "task") int t) {
    if (tasks.holds(t) || tasks.slot(t).busy()) {
      return "skipped";
    }
    RwLockReadGuard<Integer> g = lock.tryRead();
    return g == null ? "refused" : tasks.take(t, g);
  }

  @Operation
  public Object tryWrite(@Param(name = "task") int t) {
    if (tasks.holds(t) || tasks.slot(t).busy()) {
      return "skipped";
    }
    RwLockWriteGuard<Integer> g = lock.tryWrite();
    return g == null ? "refused" : tasks.take(t, g);
  }

  @Validate
  public void noLostWakeUps() {
    tasks.verify();
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // A write lock released while a reader is about to queue.
        .addCustomScenario(
            Scenario.of(getClass())
                .init("write", 1)
                .thread("release", 1)
                .thread("read", 2, "read", 2)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /** {@link SemaphoreModel} of {@code MAX_READS}; a task holds the permits it acquired. */
  public static final class Spec {
    private static final int ALL = RwLock.MAX_READS;
    private final SemaphoreModel sem = new SemaphoreModel(ALL);
    private final Tasks tasks = new Tasks();

    public Object read(int t) {
      return tasks.holds(t)
          ? "holding"
          : tasks.hold(t, tasks.slot(t).poll(() -> sem.take(1, IllegalStateException::new)));
    }

    public Object write(int t) {
      return tasks.holds(t)
          ? "holding"
          : tasks.hold(t, tasks.slot(t).poll(() -> sem.take(ALL, IllegalStateException::new)));
    }

    public Object cancel(int t) {
      return tasks.slot(t).cancel();
    }

    /** The model's guard is the number of permits it holds. */
    public Object release(int t) {
      return tasks.release(t, n -> sem.release((Integer) n));
    }

    public Object tryRead(int t) {
      return tryLock(t, 1);
    }

    public Object tryWrite(int t) {
      return tryLock(t, ALL);
    }

    private Object tryLock(int t, int n) {
      if (tasks.holds(t) || tasks.slot(t).busy()) {
        return "skipped";
      }
      return sem.tryAcquire(n) == SemaphoreModel.ACQUIRED ? tasks.take(t, n) : "refused";
    }
  }
}
