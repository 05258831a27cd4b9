/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.Waker;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The teaching sample of the Rust async book's "Under the hood" chapter, in Java: a hand-written
 * timer future that manages its waker itself, polled by a hand-written executor of a dozen lines.
 * Then the same program written with {@code @Async}, whose state machine the processor generates.
 */
final class HandMade implements Sample {
  @Override
  public String name() {
    return "hand-made";
  }

  @Override
  public String summary() {
    return "a hand-written timer future on a hand-written executor, next to @Async";
  }

  /**
   * A future that completes after a delay. A thread sleeps and then wakes whoever polled last: the
   * shared state is guarded by the future's monitor so a wake is never lost between "not done yet"
   * and "store the waker".
   */
  static final class TimerFuture implements Future<Void> {
    private boolean completed;
    private Waker waker;

    TimerFuture(Duration delay) {
      Thread timer =
          new Thread(
              () -> {
                try {
                  Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                Waker toWake;
                synchronized (this) {
                  completed = true;
                  toWake = waker;
                }
                if (toWake != null) {
                  toWake.wake();
                }
              },
              "timer-future");
      timer.setDaemon(true);
      timer.start();
    }

    @Override
    public synchronized Poll<Void> poll(Context cx) {
      if (completed) {
        return Poll.ready(null);
      }
      waker = cx.waker(); // the latest poller is the one to wake
      return Poll.pending();
    }
  }

  /**
   * An executor: a queue of tasks ready to run. A task's waker puts the task back on the queue; the
   * executor takes tasks off the queue and polls them until none is left.
   */
  static final class MiniExecutor {
    private final BlockingQueue<MiniTask> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger unfinished = new AtomicInteger();

    void spawn(Future<?> future) {
      unfinished.incrementAndGet();
      ready.add(new MiniTask(future, ready));
    }

    void run() throws InterruptedException {
      while (unfinished.get() > 0) {
        MiniTask task = ready.poll(10, TimeUnit.SECONDS);
        if (task == null) {
          throw new IllegalStateException("no task woke up within 10 s: a lost wake-up?");
        }
        if (task.pollOnce()) {
          unfinished.decrementAndGet();
        }
      }
    }
  }

  /** A spawned future, and the waker that re-queues it. */
  static final class MiniTask implements Waker, Context {
    private final Future<?> future;
    private final BlockingQueue<MiniTask> queue;
    private boolean done;

    MiniTask(Future<?> future, BlockingQueue<MiniTask> queue) {
      this.future = future;
      this.queue = queue;
    }

    /** Polls once; returns whether the future finished. A wake after completion is ignored. */
    boolean pollOnce() {
      if (done) {
        return false;
      }
      done = future.poll(this).isReady();
      return done;
    }

    @Override
    public Waker waker() {
      return this;
    }

    @Override
    public void wake() {
      queue.add(this);
    }
  }

  /** The same steps as {@link #handWritten}, written as an async function. */
  @Async
  static String withAsync(PrintStream out) {
    out.println("  @Async: waiting 100 ms");
    await(new TimerFuture(Duration.ofMillis(100)));
    out.println("  @Async: waiting another 100 ms");
    await(new TimerFuture(Duration.ofMillis(100)));
    return "done";
  }

  /** Two timers awaited one after the other, written by hand as a state machine. */
  static Future<String> handWritten(PrintStream out) {
    return new Future<>() {
      private int state;
      private TimerFuture timer;

      @Override
      @SuppressWarnings("fallthrough") // each state falls into the next, as generated ones do
      public Poll<String> poll(Context cx) {
        for (; ; ) {
          switch (state) {
            case 0:
              out.println("  hand-written: waiting 100 ms");
              timer = new TimerFuture(Duration.ofMillis(100));
              state = 1;
              // fall through
            case 1:
              if (timer.poll(cx).isPending()) {
                return Poll.pending();
              }
              out.println("  hand-written: waiting another 100 ms");
              timer = new TimerFuture(Duration.ofMillis(100));
              state = 2;
              // fall through
            case 2:
              if (timer.poll(cx).isPending()) {
                return Poll.pending();
              }
              state = 3;
              return Poll.ready("done");
            default:
              throw new IllegalStateException("polled after completion");
          }
        }
      }
    };
  }

  @Override
  public int run(List<String> args, PrintStream out) throws InterruptedException {
    MiniExecutor executor = new MiniExecutor();
    String[] results = new String[2];
    executor.spawn(Futures.map(handWritten(out), r -> results[0] = r));
    executor.spawn(Futures.map(HandMadeAsync.withAsync(out), r -> results[1] = r));
    executor.run();
    out.println("hand-written: " + results[0] + ", @Async: " + results[1]);
    return "done".equals(results[0]) && "done".equals(results[1]) ? 0 : 1;
  }
}
