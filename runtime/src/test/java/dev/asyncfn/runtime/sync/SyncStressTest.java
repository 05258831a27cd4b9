/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The primitives under load on the multi-thread runtime (2 workers), with futures written by hand
 * as the processor would generate them: every message delivered exactly once, every lock exclusive.
 */
class SyncStressTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private AsyncRuntime rt;

  @BeforeEach
  void start() {
    rt = AsyncRuntime.builder().multiThread().workerThreads(2).build();
  }

  @AfterEach
  void stop() {
    rt.close();
  }

  private <T> List<T> runAll(List<Future<T>> futures) {
    List<JoinHandle<T>> handles = new ArrayList<>();
    for (Future<T> f : futures) {
      handles.add(rt.spawn(f));
    }
    return rt.blockOn(Futures.joinAll(handles));
  }

  // ---- 4 producers x 100,000 messages, bounded mpsc, 2 consumers sharing the receiver ----

  private static final int PRODUCERS = 4;
  private static final int PER_PRODUCER = 100_000;

  /** Sends id * PER_PRODUCER + i for every i, waiting for capacity, then closes its sender. */
  private static final class Producer implements Future<Integer> {
    private final Mpsc.Sender<Integer> tx;
    private final int id;
    private int i;
    private Future<Void> sending;

    Producer(Mpsc.Sender<Integer> tx, int id) {
      this.tx = tx;
      this.id = id;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      for (; ; ) {
        if (sending == null) {
          if (i == PER_PRODUCER) {
            tx.close();
            return Poll.ready(i);
          }
          sending = tx.send(id * PER_PRODUCER + i);
        }
        if (sending.poll(cx).isPending()) {
          return Poll.pending();
        }
        sending = null;
        i++;
      }
    }
  }

  /**
   * Locks the shared receiver, awaits one message with the lock held, unlocks, records it; ends at
   * the channel's end (null). Checks that each producer's messages arrive in order.
   */
  private static final class Consumer implements Future<Integer> {
    private final Mutex<Mpsc.Receiver<Integer>> shared;
    private final AtomicIntegerArray seen;
    private final int[] lastPerProducer = new int[PRODUCERS];
    private Future<MutexGuard<Mpsc.Receiver<Integer>>> locking;
    private MutexGuard<Mpsc.Receiver<Integer>> guard;
    private Future<Integer> receiving;
    private int count;
    boolean outOfOrder;

    Consumer(Mutex<Mpsc.Receiver<Integer>> shared, AtomicIntegerArray seen) {
      this.shared = shared;
      this.seen = seen;
      java.util.Arrays.fill(lastPerProducer, -1);
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      for (; ; ) {
        if (guard == null) {
          if (locking == null) {
            locking = shared.lock();
          }
          Poll<MutexGuard<Mpsc.Receiver<Integer>>> p = locking.poll(cx);
          if (p.isPending()) {
            return Poll.pending();
          }
          locking = null;
          guard = p.get();
          receiving = guard.get().recv();
        }
        Poll<Integer> m = receiving.poll(cx);
        if (m.isPending()) {
          return Poll.pending();
        }
        receiving = null;
        guard.close();
        guard = null;
        Integer v = m.get();
        if (v == null) {
          return Poll.ready(count);
        }
        count++;
        seen.incrementAndGet(v);
        int producer = v / PER_PRODUCER;
        int seq = v % PER_PRODUCER;
        if (seq <= lastPerProducer[producer]) {
          outOfOrder = true;
        }
        lastPerProducer[producer] = seq;
      }
    }
  }

  @Test
  void fourProducersTwoConsumersEveryMessageExactlyOnce() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          Mpsc.Channel<Integer> ch = Mpsc.channel(64);
          Mutex<Mpsc.Receiver<Integer>> shared = new Mutex<>(ch.receiver());
          AtomicIntegerArray seen = new AtomicIntegerArray(PRODUCERS * PER_PRODUCER);
          List<Future<Integer>> tasks = new ArrayList<>();
          for (int p = 0; p < PRODUCERS; p++) {
            tasks.add(new Producer(ch.sender().clone(), p));
          }
          ch.sender().close();
          Consumer c1 = new Consumer(shared, seen);
          Consumer c2 = new Consumer(shared, seen);
          tasks.add(c1);
          tasks.add(c2);
          List<Integer> counts = runAll(tasks);
          assertEquals(
              PRODUCERS * PER_PRODUCER, counts.get(PRODUCERS) + counts.get(PRODUCERS + 1));
          for (int i = 0; i < seen.length(); i++) {
            if (seen.get(i) != 1) {
              throw new AssertionError("message " + i + " delivered " + seen.get(i) + " times");
            }
          }
          assertFalse(c1.outOfOrder || c2.outOfOrder, "a producer's messages came out of order");
          assertEquals(64, ch.sender().maxCapacity());
        });
  }

  // ---- a mutex counter incremented by many tasks, the lock held across a yield ----

  private static final int TASKS = 200;
  private static final int INCREMENTS = 100;

  private static final class Incrementer implements Future<Void> {
    private final Mutex<int[]> counter;
    private final AtomicInteger holders;
    private final AtomicBoolean overlap;
    private Future<MutexGuard<int[]>> locking;
    private MutexGuard<int[]> guard;
    private Future<Void> yielding;
    private int done;

    Incrementer(Mutex<int[]> counter, AtomicInteger holders, AtomicBoolean overlap) {
      this.counter = counter;
      this.holders = holders;
      this.overlap = overlap;
    }

    @Override
    public Poll<Void> poll(Context cx) {
      for (; ; ) {
        if (done == INCREMENTS) {
          return Poll.ready(null);
        }
        if (guard == null) {
          if (locking == null) {
            locking = counter.lock();
          }
          Poll<MutexGuard<int[]>> p = locking.poll(cx);
          if (p.isPending()) {
            return Poll.pending();
          }
          locking = null;
          guard = p.get();
          if (holders.incrementAndGet() != 1) {
            overlap.set(true);
          }
          yielding = Tasks.yieldNow();
        }
        // Read, suspend with the lock held, then write: a second holder would lose an update.
        int before = guard.get()[0];
        if (yielding.poll(cx).isPending()) {
          return Poll.pending();
        }
        guard.get()[0] = before + 1;
        holders.decrementAndGet();
        guard.close();
        guard = null;
        done++;
      }
    }
  }

  @Test
  void mutexCounterIncrementedByManyTasksEndsExact() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          Mutex<int[]> counter = new Mutex<>(new int[1]);
          AtomicInteger holders = new AtomicInteger();
          AtomicBoolean overlap = new AtomicBoolean();
          List<Future<Void>> tasks = new ArrayList<>();
          for (int t = 0; t < TASKS; t++) {
            tasks.add(new Incrementer(counter, holders, overlap));
          }
          runAll(tasks);
          assertFalse(overlap.get(), "two tasks held the mutex at once");
          assertEquals(TASKS * INCREMENTS, counter.tryLock().get()[0]);
        });
  }

  // ---- broadcast: every receiver sees every message in order, or is told what it missed ----

  private static final class Subscriber implements Future<Long> {
    private final Broadcast.Receiver<Integer> rx;
    private Future<Integer> receiving;
    private long received;
    private long missed;
    private int last = -1;
    boolean outOfOrder;

    Subscriber(Broadcast.Receiver<Integer> rx) {
      this.rx = rx;
    }

    @Override
    public Poll<Long> poll(Context cx) {
      for (; ; ) {
        if (receiving == null) {
          receiving = rx.recv();
        }
        Poll<Integer> p;
        try {
          p = receiving.poll(cx);
        } catch (LaggedException e) {
          receiving = null;
          missed += e.missed();
          last += (int) e.missed();
          continue;
        }
        if (p.isPending()) {
          return Poll.pending();
        }
        receiving = null;
        if (p.get() == null) {
          return Poll.ready(received + missed);
        }
        received++;
        if (p.get() != last + 1) {
          outOfOrder = true;
        }
        last = p.get();
      }
    }
  }

  @Test
  void broadcastReceiversAccountForEveryMessage() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          int messages = 100_000;
          Broadcast.Channel<Integer> ch = Broadcast.channel(16);
          List<Subscriber> subs = new ArrayList<>();
          subs.add(new Subscriber(ch.receiver()));
          subs.add(new Subscriber(ch.sender().subscribe()));
          subs.add(new Subscriber(ch.sender().subscribe()));
          List<Future<Long>> tasks = new ArrayList<>(subs);
          Broadcast.Sender<Integer> tx = ch.sender();
          tasks.add(
              new Future<>() {
                int i;

                @Override
                public Poll<Long> poll(Context cx) {
                  // Yield every 32 messages so that receivers mostly keep up.
                  for (int n = 0; n < 32 && i < messages; n++) {
                    tx.send(i++);
                  }
                  if (i == messages) {
                    tx.close();
                    return Poll.ready((long) messages);
                  }
                  cx.waker().wake();
                  return Poll.pending();
                }
              });
          for (long total : runAll(tasks)) {
            assertEquals(messages, total);
          }
          for (Subscriber s : subs) {
            assertFalse(s.outOfOrder);
          }
        });
  }

  // ---- cancellation racing a grant on another thread: nothing is lost or kept ----

  private static final int RACES = 20_000;

  @Test
  void acquireCancelledWhileAnotherThreadReleasesNeverLosesThePermit() throws Exception {
    Semaphore s = new Semaphore(0);
    raceAgainst(
        () -> {
          Future<Semaphore.Permit> f = s.acquire();
          TestWaker w = new TestWaker();
          w.pending(f);
          return f::cancel;
        },
        () -> s.addPermits(1),
        () -> {
          Semaphore.Permit p = s.tryAcquire();
          assertTrue(p != null, "the released permit was lost in the cancel race");
          p.forget();
          assertEquals(0, s.availablePermits());
        });
  }

  @Test
  void lockCancelledWhileAnotherThreadUnlocksNeverLeavesTheLockHeld() throws Exception {
    Mutex<String> m = new Mutex<>("v");
    java.util.concurrent.atomic.AtomicReference<MutexGuard<String>> held =
        new java.util.concurrent.atomic.AtomicReference<>();
    raceAgainst(
        () -> {
          held.set(m.tryLock());
          Future<MutexGuard<String>> f = m.lock();
          new TestWaker().pending(f);
          return f::cancel;
        },
        () -> held.get().close(),
        () -> assertFalse(m.isLocked(), "the cancelled lock kept the mutex"));
  }

  @Test
  void sendCancelledWhileAnotherThreadFreesASlotNeverLosesTheSlot() throws Exception {
    Mpsc.Channel<String> ch = Mpsc.channel(1);
    raceAgainst(
        () -> {
          assertTrue(ch.sender().trySend("fill"));
          Future<Void> f = ch.sender().send("cancelled");
          new TestWaker().pending(f);
          return f::cancel;
        },
        () -> assertEquals("fill", ch.receiver().tryRecv().get()),
        () -> {
          assertTrue(ch.receiver().tryRecv().isPending(), "a cancelled send delivered its message");
          assertEquals(1, ch.sender().capacity(), "the slot granted to the cancelled send was lost");
        });
  }

  @Test
  void notifyOneRacingACancelIsNeverLost() throws Exception {
    Notify n = new Notify();
    raceAgainst(
        () -> {
          Future<Void> f = n.notified();
          new TestWaker().pending(f);
          return f::cancel;
        },
        n::notifyOne,
        () -> {
          TestWaker w = new TestWaker();
          Future<Void> next = n.notified();
          assertTrue(w.poll(next).isReady(), "notifyOne lost in the cancel race");
        });
  }

  @Test
  void recvCancelledWhileAnotherThreadSendsLosesNoMessage() throws Exception {
    Mpsc.UnboundedChannel<Integer> ch = Mpsc.unbounded();
    raceAgainst(
        () -> {
          Future<Integer> f = ch.receiver().recv();
          new TestWaker().pending(f);
          return f::cancel;
        },
        () -> ch.sender().send(1),
        () -> assertEquals(1, ch.receiver().tryRecv().get(), "message lost in the cancel race"));
  }

  interface Setup {
    Runnable prepare();
  }

  /**
   * Runs RACES rounds of: prepare a waiting future on this thread, then cancel it here while
   * {@code other} runs on a second thread, then check the outcome.
   */
  private static void raceAgainst(Setup setup, Runnable other, Runnable check) throws Exception {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
          java.util.concurrent.CyclicBarrier end = new java.util.concurrent.CyclicBarrier(2);
          Thread t =
              new Thread(
                  () -> {
                    try {
                      for (int i = 0; i < RACES; i++) {
                        start.await();
                        other.run();
                        end.await();
                      }
                    } catch (Exception e) {
                      throw new AssertionError(e);
                    }
                  });
          t.setDaemon(true);
          t.start();
          for (int i = 0; i < RACES; i++) {
            Runnable cancel = setup.prepare();
            start.await();
            cancel.run();
            end.await();
            check.run();
          }
          t.join(5_000);
        });
  }
}
