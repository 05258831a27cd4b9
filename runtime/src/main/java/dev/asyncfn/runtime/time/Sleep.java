package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;

/**
 * A future that completes at a deadline on the runtime's clock; made by {@link Time#sleep} and
 * {@link Time#sleepUntil}. Like Tokio's {@code Sleep}.
 *
 * <p>A relative sleep's deadline counts from its first poll (futures are lazy, and the clock
 * belongs to the runtime that polls it). The first pending poll registers one timer with the
 * runtime's time driver; later polls only swap the waker when it changed.
 *
 * <h2>Thread safety</h2>
 *
 * Polled by one task at a time, like every future; the timer may fire on any thread.
 *
 * <h2>Cancellation</h2>
 *
 * {@link #cancel()} removes the timer from the driver. Cancel-safe: nothing is lost by dropping it.
 *
 * <h2>Throws</h2>
 *
 * {@link IllegalStateException} when first polled outside a runtime, or polled after completing.
 */
public final class Sleep extends TimerEntry implements Future<Void> {
  // The deadline lives in the entry's own `when` field, not one of its own: the relative duration
  // until the first poll, the absolute deadline in nanoseconds after it (hasDeadline tells which),
  // and the wheel's tick once registered (register() converts it). A sleeping task is mostly this
  // object, so each field counts: 48 bytes in all.

  private boolean hasDeadline;
  private TimeDriver driver;
  /** This sleep is in the driver's wheel (it is its own timer entry). */
  private boolean registered;
  private boolean done;

  Sleep(long relativeNanos) {
    this.when = relativeNanos;
  }

  Sleep(Instant deadline) {
    this.when = deadline.nanos();
    this.hasDeadline = true;
  }

  @Override
  public Poll<Void> poll(Context cx) {
    if (done) {
      throw new IllegalStateException("Sleep polled after it completed: await it only once");
    }
    if (driver == null) {
      driver = Time.driver("Time.sleep()");
      if (!hasDeadline) {
        when = Time.saturatingAdd(driver.now(), when);
        hasDeadline = true;
      }
    }
    if (!registered) {
      if (when - driver.now() <= 0) {
        return finish();
      }
      registered = true;
      driver.register(this, when, cx.waker());
      return fired ? finish() : Poll.pending();
    }
    if (fired) {
      return finish();
    }
    Waker w = cx.waker();
    if (waker != w) {
      waker = w;
    }
    return fired ? finish() : Poll.pending();
  }

  private Poll<Void> finish() {
    done = true;
    registered = false;
    waker = null; // out of the wheel once fired: do not keep the task reachable from here
    return Poll.ready(null);
  }

  /** Whether the deadline was reached (this sleep returned ready). */
  public boolean isElapsed() {
    return done;
  }

  @Override
  public void cancel() {
    if (registered) {
      registered = false;
      driver.deregister(this);
      waker = null;
    }
    done = true;
  }
}
