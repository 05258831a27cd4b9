/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.time;

import dev.asyncfn.runtime.Future;

/**
 * A future that completes at a deadline on the runtime's clock; made by {@link Time#sleep} and
 * {@link Time#sleepUntil}. Like Tokio's {@code Sleep}.
 *
 * <p>A relative sleep's deadline counts from its first poll (futures are lazy, and the clock
 * belongs to the runtime that polls it). The first pending poll registers one timer with the
 * runtime's time driver; later polls only swap the waker when it changed. A sleep is its own timer
 * entry: a sleeping task allocates no other object for its timer.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Sleep pause = Time.sleep(Duration.ofMillis(100));
 * await(pause);
 * assert pause.isElapsed();
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Polled by one task at a time, like every future; the timer may fire on any thread.
 *
 * <h2>Cancellation</h2>
 *
 * {@link #cancel()} removes the timer from the driver. Cancel-safe: nothing is lost by dropping it.
 *
 * <h2>Throws</h2>
 *
 * {@link IllegalStateException} when first polled outside a runtime, or polled after completing.
 */
public interface Sleep extends Future<Void> {

  /** Whether the deadline was reached (this sleep returned ready). */
  boolean isElapsed();
}
