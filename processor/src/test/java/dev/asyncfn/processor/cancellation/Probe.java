/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.cancellation;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.sync.Mpsc;
import dev.asyncfn.runtime.sync.Mutex;
import dev.asyncfn.runtime.sync.MutexGuard;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the {@code @Async} sources of the cancellation tests report to: a thread-safe log of
 * finally blocks, closes, catches and cancels, counters, and the futures a task blocks in.
 */
public final class Probe {
  private static final List<String> LOG = new ArrayList<>();
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();
  /** Held by the test so that a {@code lock} awaited by a task is not ready. */
  public static final Mutex<Integer> CONTENDED = new Mutex<>(0);
  /** The channel a {@code recv} awaits; nobody sends, its sender stays alive here. */
  private static volatile Mpsc.Channel<Integer> channel = Mpsc.channel(4);

  private Probe() {}

  /** Clears the log and counters; a fresh channel. */
  public static void reset() {
    synchronized (LOG) {
      LOG.clear();
    }
    COUNTS.clear();
    channel = Mpsc.channel(4);
  }

  /** Logs {@code what} and counts it. */
  public static void hit(String what) {
    synchronized (LOG) {
      LOG.add(what);
    }
    COUNTS.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  /** How many times {@code what} was hit. */
  public static int count(String what) {
    AtomicInteger n = COUNTS.get(what);
    return n == null ? 0 : n.get();
  }

  /** A copy of the log. */
  public static List<String> log() {
    synchronized (LOG) {
      return new ArrayList<>(LOG);
    }
  }

  /** A resource whose close is logged as {@code close <name>}. */
  public static Res res(String name) {
    return new Res(name);
  }

  /** See {@link #res}. */
  public static final class Res implements AutoCloseable {
    private final String name;

    Res(String name) {
      this.name = name;
    }

    @Override
    public void close() {
      hit("close " + name);
    }
  }

  /**
   * The future a task blocks in, by kind: {@code never} (never ready), {@code sleep} (an hour),
   * {@code recv} (a channel nobody sends to), {@code lock} (of {@link #CONTENDED}, held by the
   * test). Its polls are counted as {@code blocked}, its cancels as {@code cancel <kind>}.
   */
  public static Future<Integer> blockIn(String kind) {
    Future<Integer> inner;
    switch (kind) {
      case "never":
        inner = Futures.pending();
        break;
      case "sleep":
        inner = Futures.map(Time.sleep(Duration.ofHours(1)), v -> 1);
        break;
      case "recv":
        inner = channel.receiver().recv();
        break;
      case "lock":
        inner =
            Futures.map(
                CONTENDED.lock(),
                g -> {
                  g.close();
                  return 2;
                });
        break;
      default:
        throw new IllegalArgumentException(kind);
    }
    return new Counted(kind, inner);
  }

  /** Holds {@link #CONTENDED} for a test; close the guard to release it. */
  public static MutexGuard<Integer> holdContended() {
    MutexGuard<Integer> g = CONTENDED.tryLock();
    if (g == null) {
      throw new AssertionError("CONTENDED is held: a cancelled lock() left it locked");
    }
    return g;
  }

  private static final class Counted implements Future<Integer> {
    private final String kind;
    private final Future<Integer> inner;

    Counted(String kind, Future<Integer> inner) {
      this.kind = kind;
      this.inner = inner;
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      Poll<Integer> p = inner.poll(cx);
      if (p.isPending()) {
        COUNTS.computeIfAbsent("blocked", k -> new AtomicInteger()).incrementAndGet();
      }
      return p;
    }

    @Override
    public void cancel() {
      hit("cancel " + kind);
      inner.cancel();
    }
  }
}
