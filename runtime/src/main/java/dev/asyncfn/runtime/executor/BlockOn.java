package dev.asyncfn.runtime.executor;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.util.concurrent.locks.LockSupport;

/** Runs a future to completion on the calling thread, parking it between polls. */
public final class BlockOn {
  private BlockOn() {}

  /** {@code Futures.blockOn}: polls {@code future} on this thread until it is ready. */
  public static <T> T run(Future<T> future) {
    Thread self = Thread.currentThread();
    ParkingWaker waker = new ParkingWaker(self);
    Context cx = Context.of(waker);
    for (;;) {
      Poll<T> p = future.poll(cx);
      if (p.isReady()) {
        return p.get();
      }
      while (!waker.consume()) {
        LockSupport.park(waker);
      }
    }
  }

  /** {@code Futures.await} outside generated code. */
  public static <T> T awaitBlocking(Future<T> future) {
    return run(future);
  }

  /** Unparks the blocked thread; the flag makes a wake before the park count. */
  private static final class ParkingWaker implements Waker {
    private final Thread thread;
    private volatile boolean woken;

    ParkingWaker(Thread thread) {
      this.thread = thread;
    }

    @Override
    public void wake() {
      woken = true;
      LockSupport.unpark(thread);
    }

    boolean consume() {
      if (woken) {
        woken = false;
        return true;
      }
      return false;
    }
  }
}
