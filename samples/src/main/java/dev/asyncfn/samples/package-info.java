/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Runnable programs, one per example of the async literature. Each sample is ordinary {@code @Async}
 * code compiled by the asyncfn processor in this module's own build; {@link dev.asyncfn.samples.Main}
 * dispatches on the first argument.
 */
package dev.asyncfn.samples;
