/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import dev.asyncfn.runtime.ThrowingFuture;
import java.io.IOException;

/**
 * A sequence of values produced asynchronously, like Rust's {@code Stream} with {@code
 * StreamExt::next}: await {@link #next()} in a loop until it gives {@code null}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * AsyncStream<String> lines = new BufReader(stream).lines();
 * for (String line; (line = await(lines.next())) != null; ) {
 *   System.out.println(line);
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * One consumer: await one {@code next()} at a time.
 *
 * @param <T> the element type
 */
public interface AsyncStream<T> {

  /** A future of the next element, or of {@code null} once the stream ended. */
  ThrowingFuture<T, IOException> next();
}
