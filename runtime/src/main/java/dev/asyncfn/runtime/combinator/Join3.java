/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

/**
 * The outputs of {@code Futures.join} or {@code Futures.tryJoin} of 3 futures, in argument
 * order: Rust's {@code (a, b, c)} tuple from {@code join!}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Join3<String, Integer, Long> r = await(Futures.tryJoin(f1, f2, f3));
 * use(r.first(), r.second());
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Immutable (the outputs themselves are whatever the futures produced). Outputs may be {@code
 * null}, e.g. for {@code Future<Void>}.
 *
 * @param <A> the output type of the first future
 * @param <B> the output type of the second future
 * @param <C> the output type of the third future
 * @param first the output of the first future
 * @param second the output of the second future
 * @param third the output of the third future
 */
public record Join3<A, B, C>(A first, B second, C third) {}
