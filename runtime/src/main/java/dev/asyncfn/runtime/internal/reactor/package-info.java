/**
 * The I/O reactor: one {@link java.nio.channels.Selector} per runtime, driven by a daemon selector
 * thread, that turns socket readiness into {@link dev.asyncfn.runtime.Waker#wake()} calls.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>Only the selector thread touches the {@code Selector} and the {@code SelectionKey}s
 *       (register, interest changes, cancel, select). Other threads change a {@link
 *       dev.asyncfn.runtime.internal.reactor.Registration}'s atomic interest word and waker slots,
 *       then queue the registration (at most once until drained) and wake the selector. So a
 *       registration from a worker never blocks on a select in progress.
 *   <li>The selector is level-triggered: a channel that became ready before its interest was
 *       registered is reported by the next select. That is why a future may try its operation,
 *       see "would block", and only then register interest, without losing the wake-up.
 *   <li>A fired direction (read side: {@code OP_READ}/{@code OP_ACCEPT}; write side: {@code
 *       OP_WRITE}/{@code OP_CONNECT}) clears its interest bits before it takes and wakes the
 *       waker, so a ready channel never spins the selector, and a waiter that registered meanwhile
 *       is either woken now or seen by the re-applied interest at the next drain.
 *   <li>Wakers are called on the selector thread and must not block (the {@code Waker} contract).
 *   <li>A closed registration has its key cancelled at the next drain and both waiters woken, so a
 *       task blocked on a socket another task closed polls again and sees the channel closed.
 * </ul>
 */
package dev.asyncfn.runtime.internal.reactor;
