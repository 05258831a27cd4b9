/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Time: {@link dev.asyncfn.runtime.time.Time#sleep sleep}, {@link
 * dev.asyncfn.runtime.time.Time#timeout timeout}, {@link dev.asyncfn.runtime.time.Interval
 * interval}, on the polling runtime's clock, with a paused virtual clock for tests. The timers
 * live in the runtime's time driver ({@code dev.asyncfn.runtime.internal.time}, whose package
 * documentation lists its invariants): no thread per timer.
 */
package dev.asyncfn.runtime.time;
