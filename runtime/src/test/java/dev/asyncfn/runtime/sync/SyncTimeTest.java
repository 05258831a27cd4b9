/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.combinator.Selected2;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel safety against the runtime's real timers (on the paused clock, so deterministic and
 * instant): a recv that keeps losing a select to a ticker loses no message, and a lock whose
 * timeout fired never holds the lock.
 */
class SyncTimeTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final int MESSAGES = 200;

  private AsyncRuntime rt;

  @BeforeEach
  void start() {
    rt = AsyncRuntime.builder().currentThread().startPaused(true).build();
  }

  @AfterEach
  void stop() {
    rt.close();
  }

  /** Sends 0..MESSAGES-1, sleeping 3 ms after each, then closes the sender. */
  private static final class SlowProducer implements Future<Void> {
    private final Mpsc.UnboundedSender<Integer> tx;
    private int i;
    private Future<Void> sleeping;

    SlowProducer(Mpsc.UnboundedSender<Integer> tx) {
      this.tx = tx;
    }

    @Override
    public Poll<Void> poll(Context cx) {
      for (; ; ) {
        if (sleeping != null) {
          if (sleeping.poll(cx).isPending()) {
            return Poll.pending();
          }
          sleeping = null;
        }
        if (i == MESSAGES) {
          tx.close();
          return Poll.ready(null);
        }
        tx.send(i++);
        sleeping = Time.sleep(Duration.ofMillis(3));
      }
    }
  }

  /** Loops on select(sleep(1 ms), recv()): counts ticks and messages, checks the order. */
  private static final class TickingConsumer implements Future<Integer> {
    private final Mpsc.Receiver<Integer> rx;
    private Future<Selected2<Void, Integer>> selecting;
    int ticks;
    private int next;

    TickingConsumer(Mpsc.Receiver<Integer> rx) {
      this.rx = rx;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      for (; ; ) {
        if (selecting == null) {
          selecting = Futures.select(Time.sleep(Duration.ofMillis(1)), rx.recv());
        }
        Poll<Selected2<Void, Integer>> p = selecting.poll(cx);
        if (p.isPending()) {
          return Poll.pending();
        }
        selecting = null;
        Selected2<Void, Integer> s = p.get();
        if (s.isFirst()) {
          ticks++;
          continue;
        }
        Integer m = s.second();
        if (m == null) {
          return Poll.ready(next);
        }
        if (m != next) {
          throw new AssertionError("expected message " + next + ", got " + m);
        }
        next++;
      }
    }
  }

  @Test
  void recvThatKeepsLosingToATickerLosesNoMessage() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          Mpsc.UnboundedChannel<Integer> ch = Mpsc.unbounded();
          TickingConsumer consumer = new TickingConsumer(ch.receiver());
          rt.spawn(new SlowProducer(ch.sender()));
          assertEquals(MESSAGES, rt.blockOn(consumer));
          assertTrue(
              consumer.ticks >= MESSAGES,
              "the recv lost the select only " + consumer.ticks + " times");
        });
  }

  @Test
  void lockWhoseTimeoutFiredIsNeverHeld() {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          Mutex<String> m = new Mutex<>("v");
          MutexGuard<String> held = m.tryLock();
          assertThrows(
              TimeoutException.class,
              () -> rt.blockOn(Time.timeout(Duration.ofMillis(10), m.lock())));
          held.close();
          assertFalse(m.isLocked(), "the timed-out lock future kept the lock");
          Semaphore s = new Semaphore(0);
          assertThrows(
              TimeoutException.class,
              () -> rt.blockOn(Time.timeout(Duration.ofMillis(10), s.acquire(2))));
          s.addPermits(2);
          assertEquals(2, s.availablePermits());
        });
  }
}
