package dev.asyncfn.runtime.executor;

/**
 * Which runtime the calling thread has entered, and whether it drives tasks (Tokio's thread-local
 * runtime context). Worker threads answer from their {@link WorkerThread} fields without a
 * thread-local lookup; other threads enter a runtime for the length of a {@code blockOn}, or for
 * their whole life (blocking-pool threads).
 *
 * <p>Internal.
 */
public final class RuntimeContext {
  private static final ThreadLocal<Entered> ENTERED = new ThreadLocal<>();

  private RuntimeContext() {}

  /** What a non-worker thread entered; immutable, restored on exit. */
  public static final class Entered {
    final Executor executor;
    final boolean driving;

    Entered(Executor executor, boolean driving) {
      this.executor = executor;
      this.driving = driving;
    }
  }

  /** The executor the calling thread runs under, or null outside any runtime. */
  public static Executor current() {
    Thread t = Thread.currentThread();
    if (t instanceof WorkerThread) {
      return ((WorkerThread) t).executor;
    }
    Entered e = ENTERED.get();
    return e == null ? null : e.executor;
  }

  /** Whether the calling thread polls a runtime's tasks, so it must never block. */
  public static boolean isDriving() {
    if (Thread.currentThread() instanceof WorkerThread) {
      return true;
    }
    Entered e = ENTERED.get();
    return e != null && e.driving;
  }

  /** Enters {@code executor} on this thread; returns what to pass to {@link #restore}. */
  public static Entered enter(Executor executor, boolean driving) {
    Entered previous = ENTERED.get();
    ENTERED.set(new Entered(executor, driving));
    return previous;
  }

  /** Leaves the runtime entered last, going back to {@code previous}. */
  public static void restore(Entered previous) {
    if (previous == null) {
      ENTERED.remove();
    } else {
      ENTERED.set(previous);
    }
  }
}
