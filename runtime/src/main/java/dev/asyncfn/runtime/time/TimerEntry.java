package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Waker;

/**
 * One registered timer: its deadline as a wheel tick, the waker to call, and its place in the
 * wheel.
 *
 * <p>{@link Sleep} extends this class so that a sleeping task's timer is one object, not a Sleep
 * plus an entry (as Tokio's {@code TimerEntry} lives inside its {@code Sleep}).
 *
 * <p>{@code when} is set before registration and not changed while registered. {@code level}, {@code slot}, {@code prev} and
 * {@code next} are guarded by the driver's lock ({@code level} is -1 when not in the wheel).
 * {@code waker} is written by the owning future's poll and read by the firing thread; {@code fired}
 * is set before the waker is read, and the poll re-reads it after storing a new waker, so a fire
 * racing with a poll never loses the wake.
 */
class TimerEntry {
  /** The wheel tick while registered; before that, a {@link Sleep} keeps its deadline here. */
  long when;
  int level = -1;
  int slot;
  TimerEntry prev;
  TimerEntry next;
  volatile Waker waker;
  volatile boolean fired;

  TimerEntry() {}

  TimerEntry(long when, Waker waker) {
    this.when = when;
    this.waker = waker;
  }
}
