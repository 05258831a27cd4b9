package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Waker;

/**
 * One registered timer: a deadline, the waker to call, and its slot in the driver's heap.
 *
 * <p>{@code deadline} is fixed before registration. {@code index} is guarded by the driver's lock
 * (-1 when not in the heap). {@code waker} is written by the owning future's poll and read by the
 * firing thread; {@code fired} is set before the waker is read, and the poll re-reads it after
 * storing a new waker, so a fire racing with a poll never loses the wake.
 */
final class TimerEntry {
  final long deadline;
  int index = -1;
  volatile Waker waker;
  volatile boolean fired;

  TimerEntry(long deadline, Waker waker) {
    this.deadline = deadline;
    this.waker = waker;
  }
}
