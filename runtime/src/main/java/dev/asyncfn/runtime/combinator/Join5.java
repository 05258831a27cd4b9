/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

/**
 * The outputs of {@code Futures.join} or {@code Futures.tryJoin} of 5 futures, in argument
 * order: Rust's {@code (a, b, c, d, e)} tuple from {@code join!}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Join5<String, Integer, Long, Double, Boolean> r = await(Futures.tryJoin(f1, f2, f3, f4, f5));
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
 * @param <D> the output type of the fourth future
 * @param <E> the output type of the fifth future
 * @param first the output of the first future
 * @param second the output of the second future
 * @param third the output of the third future
 * @param fourth the output of the fourth future
 * @param fifth the output of the fifth future
 */
public record Join5<A, B, C, D, E>(A first, B second, C third, D fourth, E fifth) {}
