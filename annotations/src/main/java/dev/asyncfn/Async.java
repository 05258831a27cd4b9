/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as an async function, like Rust's {@code async fn}.
 *
 * <p>At compile time the asyncfn annotation processor generates, for a class {@code Outer}, a
 * companion class {@code OuterAsync} in the same package with one static factory per
 * {@code @Async} method: same name, same parameters (the receiver first for an instance method),
 * returning a {@code dev.asyncfn.runtime.Future} of the method's return type ({@code Void} for
 * {@code void}). Inside the method, {@code dev.asyncfn.runtime.Futures.await(future)} is a
 * suspension point: the generated state machine returns {@code Poll.pending()} there and resumes
 * when the awaited future wakes it.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * class Downloads {
 *     @Async
 *     static String fetch(String host, int port) throws IOException {
 *         TcpStream socket = await(TcpStream.connect(host, port));
 *         ...
 *     }
 * }
 *
 * Future<String> f = DownloadsAsync.fetch("127.0.0.1", 8080); // lazy: nothing runs yet
 * String body = Futures.blockOn(f);
 * }</pre>
 *
 * <p>The annotated method itself stays an ordinary method, the <em>synchronous twin</em>: called
 * directly, each {@code await} blocks the calling thread until its future is ready.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
