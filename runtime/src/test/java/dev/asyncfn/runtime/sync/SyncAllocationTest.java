/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the fast paths allocate, measured with the per-thread allocation counter after a warm-up:
 * re-polling a waiting future allocates nothing (the waiter node is the future), and an
 * uncontended lock or a receive of a buffered message allocates only the future, its result and
 * the {@code Poll} (no queue node, no lock object).
 */
class SyncAllocationTest {
  private static final int ROUNDS = 20_000;
  private static final long SLACK = 4_096;

  private static com.sun.management.ThreadMXBean threads;

  @BeforeAll
  static void counter() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
    threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter");
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  private static long allocated() {
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** Bytes per run of {@code op}, after warming it up. */
  private static long bytesPer(Runnable op) {
    for (int i = 0; i < ROUNDS; i++) {
      op.run();
    }
    long before = allocated();
    for (int i = 0; i < ROUNDS; i++) {
      op.run();
    }
    return Math.max(0, allocated() - before - SLACK) / ROUNDS;
  }

  @Test
  void repollingWaitingFuturesAllocatesNothing() {
    Context cx = Context.noop();
    Mutex<String> m = new Mutex<>("v");
    MutexGuard<String> held = m.tryLock();
    Future<MutexGuard<String>> lock = m.lock();
    Semaphore s = new Semaphore(0);
    Future<Semaphore.Permit> acquire = s.acquire();
    Mpsc.Channel<String> ch = Mpsc.channel(4);
    Future<String> recv = ch.receiver().recv();
    Notify n = new Notify();
    Future<Void> notified = n.notified();
    Broadcast.Channel<String> b = Broadcast.channel(4);
    Future<String> brecv = b.receiver().recv();
    Watch.Channel<String> w = Watch.channel("v");
    Future<Void> changed = w.receiver().changed();
    long bytes =
        bytesPer(
            () -> {
              lock.poll(cx);
              acquire.poll(cx);
              recv.poll(cx);
              notified.poll(cx);
              brecv.poll(cx);
              changed.poll(cx);
            });
    assertTrue(bytes == 0, "re-polling waiting futures allocated " + bytes + " B per round");
    held.close();
  }

  @Test
  void uncontendedLockAllocatesOnlyTheFutureGuardAndPoll() {
    Context cx = Context.noop();
    Mutex<String> m = new Mutex<>("v");
    long bytes = bytesPer(() -> m.lock().poll(cx).get().close());
    // Three small objects (future, guard, Poll: 96 B measured on JDK 17), no queue node and no
    // WakeList.
    assertTrue(bytes <= 128, "an uncontended lock/unlock allocated " + bytes + " B");
  }

  @Test
  void receivingABufferedMessageAllocatesOnlyTheFutureAndPoll() {
    Context cx = Context.noop();
    Mpsc.Channel<String> ch = Mpsc.channel(4);
    Mpsc.Sender<String> tx = ch.sender();
    Mpsc.Receiver<String> rx = ch.receiver();
    long bytes =
        bytesPer(
            () -> {
              tx.trySend("m");
              rx.recv().poll(cx);
            });
    assertTrue(bytes <= 64, "trySend + recv of a buffered message allocated " + bytes + " B");
  }
}
