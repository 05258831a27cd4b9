/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Waker;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Context} for polling futures by hand whose waker counts how often it was woken, so a
 * test can check the poll contract: every {@code pending} is followed by a wake before the next
 * poll is worth making.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * WakeCountingContext cx = new WakeCountingContext();
 * int before = cx.wakes();
 * assertTrue(future.poll(cx).isPending());
 * assertTrue(cx.wakes() > before, "pending without arranging a wake");
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * The waker may be called from any thread; the count is atomic.
 */
public final class WakeCountingContext implements Context {
  private final AtomicInteger wakes = new AtomicInteger();
  private final Waker waker =
      new Waker() {
        @Override
        public void wake() {
          wakes.incrementAndGet();
        }

        @Override
        public String toString() {
          return "WakeCountingContext.waker(wakes=" + wakes.get() + ")";
        }
      };

  @Override
  public Waker waker() {
    return waker;
  }

  /** How many times the waker was woken so far. */
  public int wakes() {
    return wakes.get();
  }

  /** Whether the waker was woken more than {@code before} times (a count read earlier). */
  public boolean wokenSince(int before) {
    return wakes.get() > before;
  }
}
