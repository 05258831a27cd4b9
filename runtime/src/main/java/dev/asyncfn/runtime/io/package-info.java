/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Byte streams for async code, like {@code tokio::io}: {@link dev.asyncfn.runtime.io.AsyncRead}
 * and {@link dev.asyncfn.runtime.io.AsyncWrite} (poll-level methods plus {@code read}, {@code
 * readExact}, {@code readToEnd}, {@code write}, {@code writeAll} futures), {@link
 * dev.asyncfn.runtime.io.BufReader} with {@code readLine} and {@code lines()}, and {@link
 * dev.asyncfn.runtime.io.Io#copy}. See {@code docs/net.md}.
 */
package dev.asyncfn.runtime.io;
