/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.SplittableRandom;

/**
 * The futures {@link AwaitBenchmark} awaits. Reusable (a pending one is back to
 * pending-next after each await of it completes), holding values drawn from a seeded random source at set-up, and of three classes in rotation
 * with a {@code poll} of their own each, so that the await's poll call site sees several receiver
 * types (megamorphic: a real interface call, nothing inlined into the loop) as a program awaiting
 * several kinds of futures does. Each ready result is a precomputed {@link Poll}: the figure
 * counts the await, not the allocation of a result.
 */
final class AwaitFutures {
  private AwaitFutures() {}

  /**
   * Values the JIT cannot see as constants: drawn at set-up from {@code seed}. Inside Integer's
   * cache (0..127), so that neither side allocates to box them: a Kotlin suspend function returns
   * its {@code Int} boxed, and the asyncfn futures here hold a precomputed {@link Poll}.
   */
  static int[] values(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextInt(128);
    }
    return values;
  }

  /**
   * Futures that are ready at every poll, one per value, in {@code classes} classes (1 to 3) in
   * rotation: one class lets the JIT inline the poll, three make it a real interface call.
   */
  @SuppressWarnings("unchecked")
  static Future<Integer>[] ready(int[] values, int classes) {
    Future<Integer>[] futures = (Future<Integer>[]) new Future<?>[values.length];
    for (int i = 0; i < values.length; i++) {
      futures[i] =
          switch (i % classes) {
            case 0 -> new ReadyA(values[i]);
            case 1 -> new ReadyB(values[i]);
            default -> new ReadyC(values[i]);
          };
    }
    return futures;
  }

  /**
   * Futures that return pending once (waking the waker at once), then ready, then pending again:
   * every await of one suspends, is woken and is re-polled. In three classes in rotation.
   */
  static Flip[] pendingOnce(int[] values) {
    Flip[] futures = new Flip[values.length];
    for (int i = 0; i < values.length; i++) {
      futures[i] =
          switch (i % 3) {
            case 0 -> new FlipA(values[i]);
            case 1 -> new FlipB(values[i]);
            default -> new FlipC(values[i]);
          };
    }
    return futures;
  }

  private abstract static class Ready implements Future<Integer> {
    final Poll<Integer> ready;

    Ready(int value) {
      this.ready = Poll.ready(value);
    }
  }

  private static final class ReadyA extends Ready {
    ReadyA(int value) {
      super(value);
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      return ready;
    }
  }

  private static final class ReadyB extends Ready {
    ReadyB(int value) {
      super(value);
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      return ready;
    }
  }

  private static final class ReadyC extends Ready {
    ReadyC(int value) {
      super(value);
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      return ready;
    }
  }

  /** Pending (after waking the waker), then ready, alternately. */
  abstract static class Flip implements Future<Integer> {
    private final Poll<Integer> ready;
    private boolean readyNext;

    Flip(int value) {
      this.ready = Poll.ready(value);
    }

    final Poll<Integer> flip(Context cx) {
      if (readyNext) {
        readyNext = false;
        return ready;
      }
      readyNext = true;
      cx.waker().wake();
      return Poll.pending();
    }
  }

  private static final class FlipA extends Flip {
    FlipA(int value) {
      super(value);
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      return flip(cx);
    }
  }

  private static final class FlipB extends Flip {
    FlipB(int value) {
      super(value);
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      return flip(cx);
    }
  }

  private static final class FlipC extends Flip {
    FlipC(int value) {
      super(value);
    }

    @Override
    public Poll<Integer> poll(Context cx) {
      return flip(cx);
    }
  }
}
