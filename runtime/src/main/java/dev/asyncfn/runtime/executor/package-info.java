/**
 * Executors: the current-thread and the multi-thread work-stealing flavours behind {@link
 * dev.asyncfn.runtime.AsyncRuntime}, each holding its runtime's {@link
 * dev.asyncfn.runtime.internal.handle.Handle}, and the {@link
 * dev.asyncfn.runtime.executor.ParkingLoop} behind a multi-thread {@code blockOn} and {@code
 * Futures.blockOn}/{@code await}. Internal.
 *
 * <h2>Invariants</h2>
 *
 * <ul>
 *   <li>A task reaches a queue only through {@code Scheduler.schedule}, called once per
 *       transition into NOTIFIED (see {@code dev.asyncfn.runtime.task}), so it is in at most one
 *       queue entry; entries of tasks completed meanwhile (aborted) are skipped by {@code
 *       Task.run}.
 *   <li>{@code LocalQueue}: the owner worker alone pushes and writes slots; the owner and
 *       thieves take from the head by CAS. {@code Injector}: a lock, with a volatile size for
 *       lock-free emptiness checks.
 *   <li>Parking (multi-thread): see {@code Idle} for the order of volatile accesses that makes a
 *       lost wake-up impossible; at most one parked worker owns the drivers, timers and I/O
 *       ({@code driverOwner}), and parks with a deadline, in the I/O driver's selector once the
 *       runtime has one; the others park until unparked. {@code Parker}: the permit is published
 *       before the unparker reads where the thread parks, and read by the parker after it
 *       published it, so an unpark is never lost; a selector wake-up is sticky.
 *   <li>Current-thread: the deque {@code local} belongs to the thread inside {@code blockOn};
 *       other threads push to the injector and unpark that thread.
 *   <li>{@link dev.asyncfn.runtime.executor.Coop}: one per runtime thread (a worker, or the
 *       executor of a current-thread runtime for its driving thread), touched by that thread only,
 *       reset before every task poll and every poll of {@code blockOn}'s future; a socket operation
 *       that finds it spent wakes its task and reports pending without doing the operation.
 *   <li>{@link dev.asyncfn.runtime.internal.handle.RuntimeContext}: worker threads are "driving"
 *       for their life; the thread inside a current-thread {@code blockOn} is driving while
 *       inside; the thread inside a multi-thread {@code blockOn} and blocking-pool threads have the
 *       runtime entered without driving it, so they may block.
 * </ul>
 */
package dev.asyncfn.runtime.executor;
