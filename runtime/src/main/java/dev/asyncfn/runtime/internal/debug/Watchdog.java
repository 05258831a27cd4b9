/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread per JVM, {@code asyncfn-watchdog}, running while at least one runtime is open:
 * every tick (25 ms, or a quarter of the smallest slow-poll threshold if that is shorter) it takes
 * a {@link CoarseClock} reading and checks every open runtime's {@link PollMonitor} for slow
 * polls. It exits when the last runtime is shut down or collected, and starts again with the next.
 *
 * <p>Runtimes are held weakly: a current-thread runtime dropped without {@code shutdown()} is
 * collected, and the watchdog then runs the action it was registered with (its MBean is
 * unregistered). A multi-thread runtime's workers keep it alive until it is shut down.
 *
 * <p>Thread safety: the registry and the tick count are guarded by one lock; the checks run on the
 * watchdog thread only.
 */
public final class Watchdog {
  /**
   * {@code -Dasyncfn.watchdog=off}: no watchdog thread at all, so no slow-poll warnings, task dump
   * times only as fresh as the last runtime's opening, and a runtime dropped without shutdown keeps
   * its MBean. For tools that must account for every thread, such as a model checker.
   */
  public static final String PROPERTY = "asyncfn.watchdog";

  private static final boolean ENABLED = !"off".equals(System.getProperty(PROPERTY));

  private static final long MAX_TICK = TimeUnit.MILLISECONDS.toNanos(25);
  private static final long MIN_TICK = TimeUnit.MILLISECONDS.toNanos(1);

  private static final Object LOCK = new Object();
  /** Guarded by LOCK. */
  private static final List<Entry> ENTRIES = new ArrayList<>();
  /** Guarded by LOCK; null when no watchdog thread runs. */
  private static Thread thread;
  /** Guarded by LOCK. */
  private static long ticks;

  private Watchdog() {}

  private static final class Entry {
    final WeakReference<PollMonitor> monitor;
    final Runnable onCollected;

    Entry(PollMonitor monitor, Runnable onCollected) {
      this.monitor = new WeakReference<>(monitor);
      this.onCollected = onCollected;
    }
  }

  /**
   * Watches {@code monitor} until {@link #unregister}; {@code onCollected} runs on the watchdog
   * thread if the monitor is garbage-collected first (it must not reference the monitor).
   */
  public static void register(PollMonitor monitor, Runnable onCollected) {
    CoarseClock.tick(); // tasks spawned before the first tick get a fresh time
    if (!ENABLED) {
      return;
    }
    synchronized (LOCK) {
      ENTRIES.add(new Entry(monitor, onCollected));
      if (thread == null) {
        thread = new Thread(null, Watchdog::loop, "asyncfn-watchdog", 0, false);
        thread.setDaemon(true);
        thread.setContextClassLoader(null); // keeps no application class loader alive
        thread.start();
      }
    }
  }

  /** Stops watching {@code monitor} (its runtime shut down). Idempotent. */
  public static void unregister(PollMonitor monitor) {
    synchronized (LOCK) {
      ENTRIES.removeIf(e -> e.monitor.get() == monitor);
    }
  }

  /**
   * Waits until the watchdog has completed {@code n} more ticks, for at most {@code timeoutNanos};
   * false on timeout. For tests: after it, every check of the polls before the call is done.
   */
  public static boolean awaitTicks(int n, long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    synchronized (LOCK) {
      long target = ticks + n;
      while (ticks < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || thread == null) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(LOCK, left);
      }
      return true;
    }
  }

  private static void loop() {
    try {
      run();
    } finally {
      synchronized (LOCK) {
        if (thread == Thread.currentThread()) {
          thread = null; // died of an Error: the next registration starts a new watchdog
        }
        LOCK.notifyAll();
      }
    }
  }

  private static void run() {
    List<PollMonitor> live = new ArrayList<>();
    List<Runnable> collected = new ArrayList<>();
    for (;;) {
      live.clear();
      collected.clear();
      long tick = MAX_TICK;
      synchronized (LOCK) {
        for (int i = ENTRIES.size() - 1; i >= 0; i--) {
          Entry e = ENTRIES.get(i);
          PollMonitor m = e.monitor.get();
          if (m == null) {
            ENTRIES.remove(i);
            collected.add(e.onCollected);
          } else {
            live.add(m);
            if (m.thresholdNanos() > 0) {
              tick = Math.min(tick, Math.max(MIN_TICK, m.thresholdNanos() / 4));
            }
          }
        }
        if (live.isEmpty() && collected.isEmpty()) {
          thread = null;
          LOCK.notifyAll(); // nobody waits for ticks that will not come
          return;
        }
      }
      for (Runnable r : collected) {
        try {
          r.run();
        } catch (RuntimeException | LinkageError e) {
          // An action that fails must not stop the other runtimes' checks.
        }
      }
      LockSupport.parkNanos(tick);
      long now = System.nanoTime();
      CoarseClock.tick();
      for (PollMonitor m : live) {
        try {
          m.check(now, tick);
        } catch (RuntimeException | LinkageError e) {
          // A failing logger must not stop the checks.
        }
      }
      live.clear(); // hold no runtime strongly while parked
      synchronized (LOCK) {
        ticks++;
        LOCK.notifyAll();
      }
    }
  }
}
