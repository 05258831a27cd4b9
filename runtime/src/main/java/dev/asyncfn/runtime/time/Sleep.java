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
  /**
   * The relative duration until the first poll, the absolute deadline after it ({@code
   * hasDeadline} tells which): one field rather than two, a sleeping task is mostly this object.
   */
  private long deadline;

  private boolean hasDeadline;
  private TimeDriver driver;
  /** This sleep is in the driver's wheel (it is its own timer entry). */
  private boolean registered;
  private boolean done;

  Sleep(long relativeNanos) {
    this.deadline = relativeNanos;
  }

  Sleep(Instant deadline) {
    this.deadline = deadline.nanos();
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
        deadline = Time.saturatingAdd(driver.now(), deadline);
        hasDeadline = true;
      }
    }
    if (!registered) {
      if (deadline - driver.now() <= 0) {
        return finish();
      }
      registered = true;
      driver.register(this, deadline, cx.waker());
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
