/**
 * Time: {@link dev.asyncfn.runtime.time.Time#sleep sleep}, {@link
 * dev.asyncfn.runtime.time.Time#timeout timeout}, {@link dev.asyncfn.runtime.time.Interval
 * interval}, on the polling runtime's clock, with a paused virtual clock for tests.
 *
 * <h2>Invariants of the driver (internal)</h2>
 *
 * <ul>
 *   <li>Each runtime owns one {@link dev.asyncfn.runtime.time.TimeDriver}. Its hierarchical timer
 *       wheel (6 levels of 64 slots, 1 ms ticks) is guarded by the driver's lock; {@code next}
 *       (the next expiration) is written under it and read without it, so executors check
 *       "anything due?" with one volatile read.
 *   <li>A {@code Sleep} registers at most one entry, on its first pending poll; {@code cancel()}
 *       unlinks it from its slot in O(1). Fired entries are already out of the wheel.
 *   <li>A timer fires at the first tick at or after its deadline: late by less than a tick, never
 *       early.
 *   <li>Firing sets {@code fired} before reading the entry's waker; a poll stores its waker before
 *       re-reading {@code fired}: a fire racing a poll is never lost.
 *   <li>Wakers are called outside the lock, so a waker may register timers.
 *   <li>The paused clock moves only by {@code advance} and {@code advanceToNextTimer}; the
 *       current-thread executor calls the latter only when nothing is runnable and no blocking
 *       task is in flight.
 * </ul>
 *
 */
package dev.asyncfn.runtime.time;
