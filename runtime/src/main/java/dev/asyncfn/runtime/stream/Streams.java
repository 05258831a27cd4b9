/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.RuntimeHandle;
import dev.asyncfn.runtime.internal.stream.BufferedStream;
import dev.asyncfn.runtime.internal.stream.DeclaredFailureStream;
import dev.asyncfn.runtime.internal.stream.IterableStream;
import dev.asyncfn.runtime.internal.stream.MergeStream;
import dev.asyncfn.runtime.internal.stream.PublisherStream;
import dev.asyncfn.runtime.internal.stream.StreamMessages;
import dev.asyncfn.runtime.internal.stream.StreamPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * Entry points for streams: sources ({@code of}, {@code fromIterable}, {@code empty}, {@code
 * generate}), combinators over several streams or over streams of futures ({@code merge}, {@code
 * buffered}, {@code bufferUnordered}), and the bridge to {@link Flow} publishers. The one-stream
 * combinators ({@code map}, {@code filter}, {@code take}, ...) are methods of {@link AsyncStream};
 * a per-element timeout is {@code Time.timeoutEach}. The stream twin of {@link Futures}.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * // Fetch every URL, eight at a time, printing pages as they arrive.
 * AsyncStream<Page> pages = Streams.bufferUnordered(Streams.fromIterable(urls).map(Client::get), 8);
 * await(pages.forEach(page -> System.out.println(page.status())));
 *
 * // A generator: values emitted one at a time, on demand.
 * AsyncStream<Integer> squares = Streams.generate(out -> SquaresAsync.produce(out, 10));
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * The factories are stateless; the streams they make belong to one consumer task at a time.
 *
 * <h2>Cancellation</h2>
 *
 * Closing a stream made here releases everything it holds (upstream streams, futures in flight,
 * the generator's producer, the publisher's subscription); see each method.
 */
public final class Streams {
  private Streams() {}

  /**
   * A stream of {@code values}, in order (Rust's {@code stream::iter}, Java's {@code Stream.of}).
   *
   * @throws NullPointerException if a value is null: null is the end of a stream
   */
  @SafeVarargs
  public static <T> AsyncStream<T> of(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T v : values) {
      if (v == null) {
        throw new NullPointerException(StreamMessages.nullElement("Streams.of"));
      }
      list.add(v);
    }
    return new IterableStream<>("Streams.of", list);
  }

  /**
   * A stream of the elements of {@code iterable}, in order. The iterator is created at the first
   * poll and advanced one element per poll. A {@code null} element fails the stream with {@link
   * NullPointerException}.
   */
  public static <T> AsyncStream<T> fromIterable(Iterable<? extends T> iterable) {
    return new IterableStream<>("Streams.fromIterable", iterable);
  }

  /** A stream that ends at its first poll. */
  public static <T> AsyncStream<T> empty() {
    return new IterableStream<>("Streams.empty", List.of());
  }

  /**
   * A generator: a stream whose elements {@code producer}'s body emits one at a time, lazily and
   * with backpressure (Kotlin's {@code flow { emit(x) }}, Rust's {@code async-stream}, C#'s {@code
   * async IAsyncEnumerable}). This is the runtime side of {@code @Async} generators, and works as
   * well from hand-written Java.
   *
   * <h4>Contract</h4>
   *
   * <ul>
   *   <li><b>Lazy.</b> Nothing runs until the first poll of the stream; then {@code producer} is
   *       applied, once, to the stream's {@link Emitter}, and must return the body: a future (a
   *       generated state machine, or any future) that awaits {@code emitter.emit(v)} for each
   *       value. Its output is ignored.
   *   <li><b>On demand.</b> The body is polled only from the stream's {@code pollNext}, with the
   *       consumer's context, on the consumer's thread; so it runs only while the consumer waits
   *       for an element. An {@code emit(v)} hands {@code v} to that {@code pollNext} and suspends
   *       the body until the consumer asks for the next element (see {@link Emitter}): the
   *       producer is never a value ahead of the consumer.
   *   <li><b>End.</b> When the body completes, the stream ends (after a value handed over in the
   *       same poll, if any).
   *   <li><b>Failure.</b> When the body throws, the stream throws that exception, unchanged, from
   *       the {@code pollNext} (or {@code next()} future) that polled it, and is finished.
   *   <li><b>Early stop.</b> {@link AsyncStream#close()} while the body is suspended cancels the
   *       body exactly once, never during a poll, so the finally blocks and resource closes
   *       around its current await run. After the end or a failure it does nothing. A combinator
   *       over the generator that ends ({@code take}, {@code takeWhile}) or fails closes it.
   *   <li><b>Cancelling a {@code next()} is not closing.</b> The body stays suspended where it was
   *       and continues at the next {@code pollNext}.
   * </ul>
   *
   * <h4>Example</h4>
   *
   * <pre>{@code
   * AsyncStream<String> lines = Streams.generate(out -> LinesAsync.produce(out, socket));
   * // where, in an @Async method:  for (...) { await(out.emit(line)); }
   * }</pre>
   *
   * @param producer called once at the first poll with the emitter; returns the body future
   */
  public static <T> AsyncStream<T> generate(
      Function<? super Emitter<T>, ? extends Future<?>> producer) {
    return new GeneratorStream<>(producer);
  }

  /**
   * The elements of every stream in {@code streams}, as they become ready, fairly (futures-rs's
   * {@code select_all}): each poll tries the open streams round-robin, starting after the one that
   * gave the previous element, so an always-ready stream cannot starve the others. Ends when all
   * ended. The first failure fails the merge and closes the other streams; closing the merge
   * closes them all.
   */
  @SafeVarargs
  public static <T> AsyncStream<T> merge(AsyncStream<? extends T>... streams) {
    List<AsyncStream<? extends T>> list = new ArrayList<>(streams.length);
    for (AsyncStream<? extends T> s : streams) {
      list.add(s);
    }
    return new MergeStream<>(list);
  }

  /** {@link #merge(AsyncStream[])} of a list. */
  public static <T> AsyncStream<T> merge(List<? extends AsyncStream<? extends T>> streams) {
    Objects.requireNonNull(streams, "Streams.merge: the list is null");
    return new MergeStream<>(List.copyOf(streams));
  }

  /**
   * The outputs of the futures of {@code futures}, in the stream's order, running up to {@code n}
   * of them at once (futures-rs's {@code buffered}). Futures are taken from {@code futures} only
   * while fewer than {@code n} are in flight; the output of a future that finished before an
   * older one waits for it (still counted in {@code n}). A failure fails the stream with that
   * exception and cancels the other futures; closing the stream cancels them and closes {@code
   * futures}. Each poll polls every future in flight with the task's context, so keep {@code n}
   * modest. A future with a {@code null} output fails the stream with {@link
   * NullPointerException}.
   *
   * <pre>{@code
   * AsyncStream<Page> pages = Streams.buffered(Streams.fromIterable(urls).map(Client::get), 4);
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public static <T> AsyncStream<T> buffered(
      AsyncStream<? extends Future<? extends T>> futures, int n) {
    return new BufferedStream<>("Streams.buffered", futures, n, true);
  }

  /**
   * Like {@link #buffered}, but each output is given as soon as its future finishes, whatever
   * the order (futures-rs's {@code buffer_unordered}).
   *
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public static <T> AsyncStream<T> bufferUnordered(
      AsyncStream<? extends Future<? extends T>> futures, int n) {
    return new BufferedStream<>("Streams.bufferUnordered", futures, n, false);
  }

  /**
   * {@code stream}, typed as failing with the checked exception {@code type}, so that awaiting its
   * {@code next()} or iterating it with {@code Futures.awaitEach} declares {@code throws X}. The
   * stream twin of {@link Futures#throwing}; nothing is checked at run time.
   */
  public static <T, X extends Throwable> ThrowingStream<T, X> throwing(
      Class<X> type, AsyncStream<T> stream) {
    Objects.requireNonNull(type, "Streams.throwing: type is null");
    return new DeclaredFailureStream<>(stream);
  }

  /**
   * {@code stream} as a {@link Flow.Publisher} (for Reactor, RxJava, Mutiny, {@code
   * java.net.http}), following the Reactive Streams rules. It publishes the one stream to one
   * subscriber; a second subscriber receives {@code onError(IllegalStateException)}.
   *
   * <ul>
   *   <li>Subscribing spawns a task on the runtime the caller of {@code subscribe} runs under, or
   *       on the default runtime (see {@link Futures#blockOn}); {@link #toPublisher(AsyncStream,
   *       RuntimeHandle)} names the runtime.
   *   <li>Demand drives polling: the task polls the stream only while {@code request(n)} demand is
   *       left, so the stream produces exactly what was requested and nothing is buffered. The end
   *       and a failure are signalled ({@code onComplete}, {@code onError} with the stream's
   *       exception), once, when polling finds them, which needs a positive demand.
   *   <li>{@code cancel()} stops the task, which closes the stream (a generator's finally blocks
   *       run) and drops the subscriber. A non-positive {@code request} signals {@code
   *       onError(IllegalArgumentException)} (rule 3.9).
   *   <li>Signals are serial, from the task; {@code request} may be called from {@code onNext}.
   *       If the runtime shuts down first, the subscriber gets {@code
   *       onError(CancelledException)}.
   * </ul>
   */
  public static <T> Flow.Publisher<T> toPublisher(AsyncStream<T> stream) {
    // toCompletableFuture spawns on the current runtime, or on the default one.
    return new StreamPublisher<>(stream, Futures::toCompletableFuture);
  }

  /** {@link #toPublisher(AsyncStream)} with the publishing task on {@code runtime}. */
  public static <T> Flow.Publisher<T> toPublisher(AsyncStream<T> stream, RuntimeHandle runtime) {
    Objects.requireNonNull(runtime, "Streams.toPublisher: runtime is null");
    return new StreamPublisher<>(stream, runtime::spawn);
  }

  /**
   * The elements a {@link Flow.Publisher} signals, as a stream, with bounded demand: it subscribes
   * at the first poll, requests {@code bufferSize} elements, buffers what arrives (never more
   * than {@code bufferSize}), and requests again as the consumer takes elements, once three
   * quarters of the buffer were taken. {@code onError} fails the stream with the publisher's
   * exception, unchanged, after the elements received before it; {@code onComplete} ends it.
   * Closing the stream cancels the subscription and drops what is buffered.
   *
   * <p>Cancel safety: {@code next()} is cancel-safe; an element leaves the buffer only in the
   * poll that returns it.
   *
   * @throws IllegalArgumentException if {@code bufferSize} is less than 1
   */
  public static <T> AsyncStream<T> fromPublisher(
      Flow.Publisher<? extends T> publisher, int bufferSize) {
    return new PublisherStream<>(publisher, bufferSize);
  }
}
