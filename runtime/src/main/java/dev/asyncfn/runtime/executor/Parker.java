package dev.asyncfn.runtime.executor;

import java.util.concurrent.locks.LockSupport;

/**
 * Parks one thread until {@link #unpark()} or a deadline. The permit makes an unpark that comes
 * before the park count, so "check for work, then park" loses no wake-up.
 */
final class Parker {
  private volatile Thread thread;
  private volatile boolean permit;
  private boolean interrupted;

  /** Binds the parker to the thread that will park on it. */
  void bind(Thread t) {
    thread = t;
  }

  /** Parks until unparked or until {@code deadline} ({@link System#nanoTime()}, MAX = none). */
  void park(long deadline) {
    while (!permit) {
      if (deadline == Long.MAX_VALUE) {
        LockSupport.park(this);
      } else {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        LockSupport.parkNanos(this, remaining);
      }
      // An interrupted thread's park returns at once: clear the flag so we do not spin, and let
      // the owner restore it when it stops parking (takeInterrupt).
      if (Thread.interrupted()) {
        interrupted = true;
      }
    }
    permit = false;
  }

  /** Whether the parked thread was interrupted since the last call; parking thread only. */
  boolean takeInterrupt() {
    boolean was = interrupted;
    interrupted = false;
    return was;
  }

  /** Wakes the parked thread, or makes its next park return at once. Any thread. */
  void unpark() {
    permit = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }
}
