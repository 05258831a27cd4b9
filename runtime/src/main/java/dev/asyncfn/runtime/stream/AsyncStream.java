/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.stream.CollectFuture;
import dev.asyncfn.runtime.internal.stream.FilterStream;
import dev.asyncfn.runtime.internal.stream.MapStream;
import dev.asyncfn.runtime.internal.stream.NextFuture;
import dev.asyncfn.runtime.internal.stream.TakeStream;
import dev.asyncfn.runtime.internal.stream.TakeWhileStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A sequence of values produced asynchronously, one at a time, on demand: futures-rs's {@code
 * Stream} ({@code poll_next(cx) -> Poll<Option<T>>}) with {@code StreamExt}'s combinators, in Java
 * terms. The one stream type of the runtime: socket listeners, line readers, channel receivers,
 * intervals, generators and the {@link java.util.concurrent.Flow} bridge all are {@code
 * AsyncStream}s.
 *
 * <h2>The contract</h2>
 *
 * <ul>
 *   <li><b>End of stream is {@code null}.</b> {@link #pollNext} returns {@code Poll.ready(v)} with
 *       the next element, {@code Poll.ready(null)} once the stream ended (Rust's {@code
 *       Ready(None)}; the shared constant, so it allocates nothing), or {@code Poll.pending()}
 *       after arranging for {@code cx.waker()} to be woken. Elements are never {@code null}: a
 *       source that would produce one fails instead with {@link NullPointerException} (wrap an
 *       absence in {@code Optional}). {@link #next()} is the awaitable form: a future of the next
 *       element or of {@code null}.
 *   <li><b>Lazy.</b> Creating a stream or a combinator does nothing; the producer runs only inside
 *       {@code pollNext} (or the poll of a {@code next()} future), and only as far as needed for
 *       one element. A generator runs only when its consumer asks for the next value and is never
 *       more than one value ahead.
 *   <li><b>One consumer, one outstanding request.</b> A stream is polled by one task at a time,
 *       like a future. Await each {@code next()} before calling {@code next()} again: two pending
 *       {@code next()} futures of one stream are a misuse, and implementations may return the same
 *       future object from every call.
 *   <li><b>Fused end.</b> Once it returned end, a stream keeps returning end ({@code null}).
 *   <li><b>Failures are thrown from {@code pollNext}, unchanged</b>, like a future's: the
 *       exception the producer threw (a checked one too, see {@link ThrowingStream}) reaches the
 *       code that awaits {@code next()}. After a failure a consumer closes the stream and stops;
 *       combinators and generators are finished (polling them again throws {@link
 *       IllegalStateException}), while a few sources document that they can be polled again (a
 *       broadcast receiver after {@code LaggedException}, a listener after a failed accept).
 *   <li><b>Cancellation is drop.</b> {@link #close()} drops the stream: it will not be polled
 *       again, and it releases what it holds: a generator's producer is cancelled (the finally
 *       blocks around its current await run), a combinator closes its upstream streams and
 *       cancels its futures in flight, a channel receiver is closed. Idempotent, and nothing to do
 *       after the stream ended. Combinators release what they hold as soon as they end or fail,
 *       so only a consumer that stops early needs to close. Cancelling a pending {@code next()}
 *       future (a lost {@code select}, a timeout) is <em>not</em> closing: the stream keeps its
 *       state and a later {@code next()} continues where it left off, so {@code next()} is
 *       cancel-safe exactly when the source documents it (see {@code docs/streams.md}).
 * </ul>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * AsyncStream<String> words = new BufReader(socket).lines()
 *     .map(String::trim)
 *     .filter(line -> !line.isEmpty())
 *     .take(100);
 * for (String w : Futures.awaitEach(words)) {   // in an @Async method; or, by hand:
 *   System.out.println(w);
 * }
 * for (String w; (w = await(words.next())) != null; ) { ... }
 * }</pre>
 *
 * <p>A stream written by hand implements {@link #pollNext} (it is a functional interface, like
 * {@code Future}); a producer that awaits is easier to write as a generator ({@link
 * Streams#generate}):
 *
 * <pre>{@code
 * AsyncStream<Integer> countdown = new AsyncStream<>() {
 *   int left = 3;
 *   public Poll<Integer> pollNext(Context cx) {
 *     return Poll.ready(left > 0 ? left-- : null);   // null: the end
 *   }
 * };
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * One consumer task at a time; wakers may be woken from any thread. The combinators are not
 * thread-safe: they are owned by the task that polls them.
 *
 * <h2>Cancellation</h2>
 *
 * See the contract above: {@link #close()} drops the stream, cancelling a {@code next()} future
 * does not. {@code Futures.awaitEach} (for-each over a stream) closes the stream when the loop is
 * left early.
 *
 * <h2>Throws</h2>
 *
 * {@code pollNext} and the {@code next()} futures throw the producer's failure as it is; {@link
 * IllegalStateException} when a finished combinator is polled again or a closed stream is polled.
 *
 * @param <T> the element type; elements are never {@code null}
 */
@FunctionalInterface
public interface AsyncStream<T> extends AutoCloseable {

  /**
   * Attempts to produce the next element.
   *
   * @param cx the polling task's context; keep {@code cx.waker()} when returning pending
   * @return ready with the next element, ready with {@code null} at the end of the stream, or
   *     pending with a wake-up arranged
   */
  Poll<T> pollNext(Context cx);

  /**
   * A future of the next element, or of {@code null} once the stream ended (Rust's {@code
   * StreamExt::next}). Await it before calling {@code next()} again. Cancelling the future does
   * not close the stream. The default polls {@link #pollNext} and allocates one small future per
   * call; streams may return the same future every time.
   */
  default Future<T> next() {
    return new NextFuture<>(this);
  }

  /**
   * Drops the stream: it will not be polled again, and it releases what it holds (see the class
   * documentation). Idempotent; does nothing after the stream ended. The default does nothing,
   * which suits streams that hold nothing.
   */
  @Override
  default void close() {}

  /**
   * The elements passed through {@code fn}, in order (Java's {@code Stream.map}, Rust's {@code
   * StreamExt::map}). {@code fn} runs on the polling thread, once per element, when the element
   * is asked for. A {@code null} result fails the stream with {@link NullPointerException}; a
   * throwing {@code fn} fails it with that exception and closes this stream.
   */
  default <U> AsyncStream<U> map(Function<? super T, ? extends U> fn) {
    return new MapStream<T, U, RuntimeException>(this, fn);
  }

  /**
   * The elements that match {@code predicate}, in order. Elements that do not match are dropped
   * as they arrive: one poll may take several elements from this stream.
   */
  default AsyncStream<T> filter(Predicate<? super T> predicate) {
    return new FilterStream<T, RuntimeException>(this, predicate);
  }

  /**
   * The first {@code n} elements. After the {@code n}-th element, the next poll returns end and
   * closes this stream (so a generator's finally blocks run once the consumer asks for more, as
   * with Kotlin's {@code take}); {@code take(0)} never polls this stream.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  default AsyncStream<T> take(long n) {
    return new TakeStream<T, RuntimeException>(this, n);
  }

  /**
   * The elements up to, not including, the first that does not match {@code predicate}; that one
   * is dropped, the stream ends and this stream is closed (Java's {@code Stream.takeWhile}).
   */
  default AsyncStream<T> takeWhile(Predicate<? super T> predicate) {
    return new TakeWhileStream<T, RuntimeException>(this, predicate);
  }

  /**
   * A future of every remaining element in an unmodifiable list (Java's {@code Stream.toList},
   * Rust's {@code StreamExt::collect}). Fails with the stream's failure; cancelling the future
   * closes the stream.
   */
  default Future<List<T>> toList() {
    return collect(Collectors.toUnmodifiableList());
  }

  /**
   * A future of every remaining element folded into {@code collector} (Java's {@code
   * Stream.collect}). The collector's supplier runs at the first poll. A throwing collector
   * closes the stream and fails the future; cancelling the future closes the stream.
   */
  default <R, A> Future<R> collect(Collector<? super T, A, R> collector) {
    return CollectFuture.collect(this, collector);
  }

  /**
   * A future that runs {@code action} on every remaining element, in order, on the polling
   * thread, and completes at the end of the stream (Rust's {@code StreamExt::for_each}). A
   * throwing action closes the stream and fails the future; cancelling the future closes the
   * stream.
   */
  default Future<Void> forEach(Consumer<? super T> action) {
    return CollectFuture.forEach(this, action);
  }
}
