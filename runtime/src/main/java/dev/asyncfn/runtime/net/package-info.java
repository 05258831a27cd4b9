/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Async networking: {@link dev.asyncfn.runtime.net.TcpListener}, {@link
 * dev.asyncfn.runtime.net.TcpStream} (and its {@link dev.asyncfn.runtime.net.ReadHalf}/{@link
 * dev.asyncfn.runtime.net.WriteHalf}), {@link dev.asyncfn.runtime.net.UdpSocket}, like {@code
 * tokio::net}. Non-blocking NIO channels whose waiting tasks are woken by the runtime's reactor.
 * Every operation is a {@code ThrowingFuture<T, IOException>}. See {@code docs/net.md}.
 */
package dev.asyncfn.runtime.net;
