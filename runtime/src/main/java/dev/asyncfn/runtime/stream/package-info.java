/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Asynchronous streams: {@link dev.asyncfn.runtime.stream.AsyncStream}, the one stream type of the
 * runtime, its combinators, generators ({@link dev.asyncfn.runtime.stream.Streams#generate} and
 * {@link dev.asyncfn.runtime.stream.Emitter}), and the bridge to {@link java.util.concurrent.Flow}.
 * futures-rs's {@code Stream} and {@code StreamExt} in Java terms; see {@code docs/streams.md}.
 *
 * <h2>Why {@code AsyncStream}</h2>
 *
 * The natural names are taken in every Java file already: {@code Stream} is {@code
 * java.util.stream.Stream} (an IDE offers both, and picks the JDK's when the file already uses
 * it), {@code Flow} is {@code java.util.concurrent.Flow}, {@code Publisher} is its nested type
 * and Reactive Streams'. {@code AsyncStream} is unique on a Java class path, says what it is, and
 * is the name the runtime already used for its I/O streams (it moved here from {@code
 * dev.asyncfn.runtime.io} and was generalised). {@code ThrowingStream} pairs with {@code
 * ThrowingFuture}; {@code Streams} with {@code Futures}.
 *
 * <h2>Why not {@code Iterable}</h2>
 *
 * An {@code AsyncStream} is deliberately not an {@link java.lang.Iterable}: iterating one blocks,
 * so it should be visible where it happens. {@code for (T x : Futures.awaitEach(stream))} is the
 * loop: inside an {@code @Async} method the processor lowers it to awaits (a call it recognises
 * by name, like {@code await}, without needing expression types, which javac does not give an
 * annotation processor), and elsewhere it iterates blocking, like {@code await}. It also leaves
 * {@code forEach} free to be the asynchronous terminal operation.
 *
 * <h2>Invariants</h2>
 *
 * Elements are never {@code null} ({@code null} is the end); a stream is polled by one task at a
 * time with one outstanding {@code next()}; closing is dropping; every combinator releases what
 * it holds when it ends, fails or is closed, once.
 */
package dev.asyncfn.runtime.stream;
