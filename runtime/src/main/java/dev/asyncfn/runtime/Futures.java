/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.combinator.Completions;
import dev.asyncfn.runtime.combinator.Join2;
import dev.asyncfn.runtime.combinator.Join3;
import dev.asyncfn.runtime.combinator.Join4;
import dev.asyncfn.runtime.combinator.Join5;
import dev.asyncfn.runtime.combinator.Selected2;
import dev.asyncfn.runtime.combinator.Selected3;
import dev.asyncfn.runtime.combinator.Selected4;
import dev.asyncfn.runtime.combinator.Selected5;
import dev.asyncfn.runtime.internal.combinator.BlockTwinFuture;
import dev.asyncfn.runtime.internal.combinator.DeclaredFailure;
import dev.asyncfn.runtime.internal.combinator.FailedFuture;
import dev.asyncfn.runtime.internal.combinator.JoinFuture.Policy;
import dev.asyncfn.runtime.internal.combinator.JoinFuture;
import dev.asyncfn.runtime.internal.combinator.LazyFuture;
import dev.asyncfn.runtime.internal.combinator.MapFuture;
import dev.asyncfn.runtime.internal.combinator.PendingFuture;
import dev.asyncfn.runtime.internal.combinator.ReadyFuture;
import dev.asyncfn.runtime.internal.combinator.SelectFuture;
import dev.asyncfn.runtime.stream.AsyncStream;
import dev.asyncfn.runtime.stream.ThrowingStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Entry points for working with futures: {@code await}, {@code blockOn}, constructors and
 * combinators, the Java spelling of Rust's {@code futures} crate.
 *
 * <h2>await</h2>
 *
 * Inside an {@code @Async} method, {@code await(f)} is a suspension point: the annotation
 * processor turns it into a state of the generated state machine. Anywhere else (the synchronous
 * twin of an {@code @Async} method, plain code) it blocks the calling thread until {@code f} is
 * ready, like {@link #blockOn}; on a runtime worker thread it throws {@link IllegalStateException}
 * instead, because blocking a worker would stall every task on it.
 *
 * <h2>Combinators</h2>
 *
 * <ul>
 *   <li>{@link #join(Future, Future) join} of 2 to 5 futures of any types, {@link #joinAll}: run
 *       every future to completion (Rust's {@code join!}); a failure is reported once all are
 *       done.
 *   <li>{@link #tryJoin(Future, Future) tryJoin}, {@link #tryJoinAll}: the same, but the first
 *       failure fails at once and cancels the rest (Rust's {@code try_join!}).
 *   <li>{@link #select(Future, Future) select} of 2 to 5 futures of any types: the first to
 *       finish wins; the result says which, the losers are cancelled. {@link #race(Future[])
 *       race}: the same for futures of one type, giving the value.
 *   <li>{@link #unordered(Iterable)}: a {@link Completions} set whose outputs are taken as they
 *       finish, without dropping the others (futures-rs's {@code FuturesUnordered}).
 *   <li>{@link #ready}, {@link #failed}, {@link #pending}, {@link #lazy}, {@link #pollFn}, {@link
 *       #map}, {@link #throwing}, {@link #fromCompletionStage}.
 * </ul>
 *
 * <p>Streams have their own entry points in {@link dev.asyncfn.runtime.stream.Streams}; {@link
 * #awaitEach(AsyncStream)} is the loop over one, {@code for (T x : awaitEach(stream))}.
 *
 * <p>Join and select poll their children in argument order with the polling task's context;
 * polling a combinator whose children are pending or already finished allocates nothing. Every
 * combinator cancels the children it drops, exactly once each. See {@code docs/futures.md} for
 * cancel safety.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * @Async
 * static String report(String url1, String url2) throws IOException {
 *   // Both at once; the first failure cancels the other.
 *   Join2<String, String> pages = await(Futures.tryJoin(download(url1), download(url2)));
 *   // Whichever finishes first: the page, or a timer after one second.
 *   Selected2<String, Void> quick = await(Futures.select(download(url1), sleep(ofSeconds(1))));
 *   return pages.first().length() + " bytes, " + (quick.isFirst() ? "fast" : "slow");
 * }
 * }</pre>
 */
public final class Futures {
  private Futures() {}

  /**
   * Waits for {@code future} and returns its output. See the class documentation.
   *
   * @throws IllegalStateException when called (outside generated code) on a runtime worker thread
   */
  @SuppressWarnings("overloads") // a lambda argument picks the most specific overload
  public static <T> T await(Future<T> future) {
    return BlockOn.awaitBlocking(future);
  }

  /**
   * Waits for {@code future} and returns its output; its checked failure {@code X} is thrown as
   * it is, so the caller can catch it.
   *
   * @throws X the future's failure
   * @throws IllegalStateException when called (outside generated code) on a runtime worker thread
   */
  @SuppressWarnings("overloads") // a lambda argument picks the most specific overload
  public static <T, X extends Throwable> T await(ThrowingFuture<T, X> future) throws X {
    return BlockOn.awaitBlocking(future);
  }

  /**
   * Waits for {@code future} and returns its output; its checked failure, {@code X1} or {@code
   * X2}, is thrown as it is, so the caller can catch each.
   *
   * @throws X1 the future's failure
   * @throws X2 the future's failure
   * @throws IllegalStateException when called (outside generated code) on a runtime worker thread
   */
  @SuppressWarnings("overloads") // a lambda argument picks the most specific overload
  public static <T, X1 extends Throwable, X2 extends Throwable> T await(
      ThrowingFuture2<T, X1, X2> future) throws X1, X2 {
    return BlockOn.awaitBlocking(future);
  }

  /**
   * Waits for {@code future} and returns its output; its checked failure, {@code X1}, {@code X2}
   * or {@code X3}, is thrown as it is, so the caller can catch each.
   *
   * @throws X1 the future's failure
   * @throws X2 the future's failure
   * @throws X3 the future's failure
   * @throws IllegalStateException when called (outside generated code) on a runtime worker thread
   */
  @SuppressWarnings("overloads") // a lambda argument picks the most specific overload
  public static <T, X1 extends Throwable, X2 extends Throwable, X3 extends Throwable> T await(
      ThrowingFuture3<T, X1, X2, X3> future) throws X1, X2, X3 {
    return BlockOn.awaitBlocking(future);
  }

  /**
   * Waits for a {@link CompletionStage} (a {@code CompletableFuture}, {@code
   * HttpClient.sendAsync}, ...) and returns its value. A stage that completed exceptionally
   * throws its cause, unwrapped from {@code CompletionException}.
   *
   * @throws IllegalStateException when called (outside generated code) on a runtime worker thread
   */
  public static <T> T await(CompletionStage<T> stage) {
    return BlockOn.awaitBlocking(fromCompletionStage(stage));
  }

  /**
   * The elements of {@code stream}, for a for-each loop: {@code for (T x : awaitEach(stream))},
   * the Java spelling of Rust's {@code while let Some(x) = stream.next().await} and C#'s {@code
   * await foreach}.
   *
   * <p>Inside an {@code @Async} method, the loop is lowered by the processor: {@code stream} is
   * evaluated once, each iteration awaits {@code stream.next()} (a suspension point), the loop
   * ends at {@code null}, and the stream is closed however the loop is left (its end, break,
   * return, an exception, the cancellation of the method's future), so a generator's finally
   * blocks run.
   * Anywhere else (the synchronous twin, plain code) it returns an {@link Iterable} that awaits
   * each element blocking, like {@link #await(Future)}, closes the stream at its end or failure,
   * and throws {@link IllegalStateException} on a runtime worker thread. Plain Java's for-each
   * has no hook for an early exit, so there a
   * {@code break} does not close the stream: put the stream in a try-with-resources to close it
   * in both forms. The iterable can be iterated once; the stream's failure is thrown from the
   * iterator's {@code hasNext()}, unchanged, after the stream was closed.
   *
   * <pre>{@code
   * for (String line : awaitEach(new BufReader(socket).lines())) {
   *   System.out.println(line);
   * }
   * }</pre>
   *
   * @throws IllegalStateException (from the iterator) on a runtime worker thread, outside
   *     generated code
   */
  public static <T> Iterable<T> awaitEach(AsyncStream<T> stream) {
    return new BlockingIteration<>(stream);
  }

  /**
   * {@link #awaitEach(AsyncStream)} of a stream whose checked failure {@code X} the caller can
   * catch around the loop: declared here, and thrown as it is by the iteration.
   *
   * @throws X the stream's failure (declared so that a {@code catch (X e)} around the loop
   *     compiles; thrown by the iteration, not by this call)
   */
  public static <T, X extends Throwable> Iterable<T> awaitEach(ThrowingStream<T, X> stream)
      throws X {
    return new BlockingIteration<>(stream);
  }

  /**
   * Runs {@code future} to completion on the calling thread and returns its output, like Rust's
   * {@code block_on}. Its failure is thrown as it is.
   *
   * @throws IllegalStateException when called on a runtime worker thread: use {@code await} in
   *     an {@code @Async} method, or {@code spawnBlocking}, instead
   */
  @SuppressWarnings("overloads") // a lambda argument picks the most specific overload
  public static <T> T blockOn(Future<T> future) {
    return BlockOn.run(future);
  }

  /**
   * Like {@link #blockOn(Future)}, for a future whose checked failure {@code X} the caller can
   * catch: declared, and thrown as it is.
   *
   * @throws X the future's failure
   * @throws IllegalStateException when called on a runtime worker thread
   */
  @SuppressWarnings("overloads") // a lambda argument picks the most specific overload
  public static <T, X extends Throwable> T blockOn(ThrowingFuture<T, X> future) throws X {
    return BlockOn.run(future);
  }

  /**
   * Like {@link #blockOn(Future)}, for a future whose checked failure is {@code X1} or {@code X2}.
   *
   * @throws X1 the future's failure
   * @throws X2 the future's failure
   * @throws IllegalStateException when called on a runtime worker thread
   */
  @SuppressWarnings("overloads") // a lambda argument picks the most specific overload
  public static <T, X1 extends Throwable, X2 extends Throwable> T blockOn(
      ThrowingFuture2<T, X1, X2> future) throws X1, X2 {
    return BlockOn.run(future);
  }

  /**
   * Like {@link #blockOn(Future)}, for a future whose checked failure is {@code X1}, {@code X2} or
   * {@code X3}.
   *
   * @throws X1 the future's failure
   * @throws X2 the future's failure
   * @throws X3 the future's failure
   * @throws IllegalStateException when called on a runtime worker thread
   */
  @SuppressWarnings("overloads") // a lambda argument picks the most specific overload
  public static <T, X1 extends Throwable, X2 extends Throwable, X3 extends Throwable> T blockOn(
      ThrowingFuture3<T, X1, X2, X3> future) throws X1, X2, X3 {
    return BlockOn.run(future);
  }

  /**
   * A future that is ready with {@code value} at its first poll (Rust's {@code
   * std::future::ready}). Polling it allocates nothing. Like every future it is awaited once: a
   * second poll throws {@link IllegalStateException}, so create one per await.
   */
  public static <T> Future<T> ready(T value) {
    return new ReadyFuture<>(value);
  }

  /**
   * A future that fails with {@code error}, unchanged, at its first poll. A checked {@code error}
   * stays what it is: awaiting the future throws it.
   */
  public static <T> Future<T> failed(Throwable error) {
    return new FailedFuture<>(error);
  }

  /**
   * A future that never completes (Rust's {@code std::future::pending}). A shared instance that
   * keeps no waker.
   */
  public static <T> Future<T> pending() {
    return PendingFuture.instance();
  }

  /**
   * A future whose output is {@code supplier.get()}, called at its first poll and not before
   * (Rust's {@code futures::future::lazy}). A throwing supplier fails the future.
   *
   * <pre>{@code
   * Future<Long> now = Futures.lazy(System::nanoTime);   // nothing read yet
   * }</pre>
   */
  public static <T> Future<T> lazy(Supplier<? extends T> supplier) {
    return new LazyFuture<>(supplier);
  }

  /**
   * An async block: a future whose work is the lambda's body, run from its first poll (Rust's
   * {@code async move { ... }}, Kotlin's {@code async { }} without the eager start). Inside an
   * {@code @Async} method the processor lowers the body to a state machine of its own, so it may
   * await, and the future can be awaited later, spawned, joined, raced, timed out or stored:
   *
   * <pre>{@code
   * JoinHandle<Integer> sizes = Tasks.spawn(async(() -> {
   *   String page = await(http.get(url));
   *   return page.length();
   * }));
   * }</pre>
   *
   * <p>It captures what the lambda captures, by value when the block is created (each loop
   * iteration its own), and {@code this}. Nothing of the body runs until the first poll; dropping
   * a started block (an abort, a lost select, a timeout) runs the finally blocks around its current
   * await. {@code X} is what the body throws ({@code RuntimeException} when nothing checked), so a
   * {@code catch} around its await compiles.
   *
   * <p>In code the processor does not lower (the synchronous twin, plain code) the lambda runs as
   * written, its awaits blocking, at the first poll: on the polling thread, or on the runtime's
   * blocking pool when a worker polls it, so that it never blocks a worker.
   */
  public static <T, X extends Exception> ThrowingFuture<T, X> async(AsyncBlock<T, X> block) {
    Objects.requireNonNull(block, "async(block): block is null");
    return new BlockTwinFuture<>(block::run);
  }

  /** An async block without a value, a {@code Future<Void>}; see {@link #async(AsyncBlock)}. */
  public static <X extends Exception> ThrowingFuture<Void, X> async(AsyncRunnable<X> block) {
    Objects.requireNonNull(block, "async(block): block is null");
    return new BlockTwinFuture<>(
        () -> {
          block.run();
          return null;
        });
  }

  /**
   * A future whose {@code poll} is {@code fn} (Rust's {@code std::future::poll_fn}): the quickest
   * way to write a future by hand. {@code fn} follows the poll contract: it returns pending only
   * after arranging for {@code cx.waker()} to be woken.
   *
   * <pre>{@code
   * Future<Integer> next = Futures.pollFn(cx -> queue.poll(cx.waker()));
   * }</pre>
   */
  public static <T> Future<T> pollFn(Function<Context, Poll<T>> fn) {
    Objects.requireNonNull(fn, "Futures.pollFn(fn): fn is null");
    return fn::apply;
  }

  /**
   * A future whose output is {@code fn} applied to the output of {@code future} (Rust's {@code
   * FutureExt::map}). The failure of {@code future} passes through unchanged; cancelling the
   * result cancels {@code future}.
   */
  public static <T, U> Future<U> map(Future<T> future, Function<? super T, ? extends U> fn) {
    return new MapFuture<>(future, fn);
  }

  /**
   * {@code future}, typed as failing with the checked exception {@code type}, so that {@code
   * await} declares {@code throws X} and a {@code catch (X e)} around it compiles. The combinators
   * return plain futures even when their children are {@link ThrowingFuture}s; this restores the
   * type. Polling and cancelling pass straight through; nothing is checked at run time.
   *
   * <pre>{@code
   * try {
   *   Join2<String, String> pages =
   *       await(Futures.throwing(IOException.class, Futures.tryJoin(get(url1), get(url2))));
   * } catch (IOException e) {
   *   ...
   * }
   * }</pre>
   */
  public static <T, X extends Throwable> ThrowingFuture<T, X> throwing(
      Class<X> type, Future<T> future) {
    return new DeclaredFailure<>(type, future);
  }

  // join: every future runs to completion

  /**
   * Runs {@code first} and {@code second} concurrently until both are ready, and gives both
   * outputs (Rust's {@code join!}).
   *
   * <p>Each poll polls every future not yet ready, in argument order. A failed future does not
   * stop the others: once all have finished, the join fails with the first failure, unchanged,
   * later ones suppressed in it. Use {@link #tryJoin(Future, Future)} to stop at the first
   * failure.
   *
   * <h4>Cancellation</h4>
   *
   * Cancelling the join cancels every future not yet finished, once each.
   *
   * <pre>{@code
   * Join2<String, Integer> r = await(Futures.join(fetchName(id), fetchAge(id)));
   * System.out.println(r.first() + " is " + r.second());
   * }</pre>
   */
  public static <A, B> Future<Join2<A, B>> join(Future<A> first, Future<B> second) {
    return join2("Futures.join", Policy.WAIT_FOR_ALL, first, second);
  }

  /** {@link #join(Future, Future)} of three futures. */
  public static <A, B, C> Future<Join3<A, B, C>> join(
      Future<A> first, Future<B> second, Future<C> third) {
    return join3("Futures.join", Policy.WAIT_FOR_ALL, first, second, third);
  }

  /** {@link #join(Future, Future)} of four futures. */
  public static <A, B, C, D> Future<Join4<A, B, C, D>> join(
      Future<A> first, Future<B> second, Future<C> third, Future<D> fourth) {
    return join4("Futures.join", Policy.WAIT_FOR_ALL, first, second, third, fourth);
  }

  /** {@link #join(Future, Future)} of five futures. */
  public static <A, B, C, D, E> Future<Join5<A, B, C, D, E>> join(
      Future<A> first, Future<B> second, Future<C> third, Future<D> fourth, Future<E> fifth) {
    return join5("Futures.join", Policy.WAIT_FOR_ALL, first, second, third, fourth, fifth);
  }

  /**
   * {@link #join(Future, Future) join} of a list: the outputs in list order (Rust's {@code
   * join_all}). An empty list gives an empty list. The output list is unmodifiable and may hold
   * {@code null}s.
   */
  public static <T> Future<List<T>> joinAll(Iterable<? extends Future<? extends T>> futures) {
    return joinAll("Futures.joinAll", Policy.WAIT_FOR_ALL, futures);
  }

  // tryJoin: the first failure stops everything

  /**
   * Runs {@code first} and {@code second} concurrently until both are ready, failing at the first
   * failure (Rust's {@code try_join!}).
   *
   * <p>Each poll polls every future not yet ready, in argument order. The first future to fail
   * fails the join with its exception, unchanged, and the ones still pending are cancelled.
   *
   * <h4>Cancellation</h4>
   *
   * Cancelling the join, or a failure, cancels every future not yet finished, once each.
   *
   * <pre>{@code
   * Join2<String, String> pages = await(Futures.tryJoin(get(url1), get(url2)));  // IOException
   * }</pre>
   */
  public static <A, B> Future<Join2<A, B>> tryJoin(Future<A> first, Future<B> second) {
    return join2("Futures.tryJoin", Policy.FAIL_FAST, first, second);
  }

  /** {@link #tryJoin(Future, Future)} of three futures. */
  public static <A, B, C> Future<Join3<A, B, C>> tryJoin(
      Future<A> first, Future<B> second, Future<C> third) {
    return join3("Futures.tryJoin", Policy.FAIL_FAST, first, second, third);
  }

  /** {@link #tryJoin(Future, Future)} of four futures. */
  public static <A, B, C, D> Future<Join4<A, B, C, D>> tryJoin(
      Future<A> first, Future<B> second, Future<C> third, Future<D> fourth) {
    return join4("Futures.tryJoin", Policy.FAIL_FAST, first, second, third, fourth);
  }

  /** {@link #tryJoin(Future, Future)} of five futures. */
  public static <A, B, C, D, E> Future<Join5<A, B, C, D, E>> tryJoin(
      Future<A> first, Future<B> second, Future<C> third, Future<D> fourth, Future<E> fifth) {
    return join5("Futures.tryJoin", Policy.FAIL_FAST, first, second, third, fourth, fifth);
  }

  /**
   * {@link #tryJoin(Future, Future) tryJoin} of a list: the outputs in list order, or the first
   * failure with the rest cancelled (Rust's {@code try_join_all}).
   */
  public static <T> Future<List<T>> tryJoinAll(Iterable<? extends Future<? extends T>> futures) {
    return joinAll("Futures.tryJoinAll", Policy.FAIL_FAST, futures);
  }

  // select and race: the first to finish wins, the others are cancelled

  /**
   * Completes with whichever of {@code first} and {@code second} finishes first, saying which,
   * and cancels the other (Rust's {@code select!}).
   *
   * <p>Biased: each poll polls the futures in argument order and the first one ready wins, so
   * ties go to the earlier argument (Tokio's {@code select!} with {@code biased;}). A future that
   * fails first fails the select with its exception, unchanged, and the others are cancelled.
   *
   * <h4>Cancellation</h4>
   *
   * The losers are cancelled as soon as the winner is known; cancelling the select cancels all.
   * A loser's progress is lost: to keep the others running, use {@link #unordered(Iterable)}.
   *
   * <pre>{@code
   * Selected2<Response, Void> s = await(Futures.select(get(url), sleep(ofMillis(ms))));
   * System.out.println(s.isFirst() ? s.first().status() : "Request timed out!");
   * }</pre>
   */
  public static <A, B> Future<Selected2<A, B>> select(Future<A> first, Future<B> second) {
    return new SelectFuture<>(
        "Futures.select",
        new Future<?>[] {first, second},
        (i, v) -> i == 0 ? Selected2.ofFirst(cast(v)) : Selected2.ofSecond(cast(v)));
  }

  /** {@link #select(Future, Future)} of three futures. */
  public static <A, B, C> Future<Selected3<A, B, C>> select(
      Future<A> first, Future<B> second, Future<C> third) {
    return new SelectFuture<>(
        "Futures.select",
        new Future<?>[] {first, second, third},
        (i, v) ->
            switch (i) {
              case 0 -> Selected3.ofFirst(cast(v));
              case 1 -> Selected3.ofSecond(cast(v));
              default -> Selected3.ofThird(cast(v));
            });
  }

  /** {@link #select(Future, Future)} of four futures. */
  public static <A, B, C, D> Future<Selected4<A, B, C, D>> select(
      Future<A> first, Future<B> second, Future<C> third, Future<D> fourth) {
    return new SelectFuture<>(
        "Futures.select",
        new Future<?>[] {first, second, third, fourth},
        (i, v) ->
            switch (i) {
              case 0 -> Selected4.ofFirst(cast(v));
              case 1 -> Selected4.ofSecond(cast(v));
              case 2 -> Selected4.ofThird(cast(v));
              default -> Selected4.ofFourth(cast(v));
            });
  }

  /** {@link #select(Future, Future)} of five futures. */
  public static <A, B, C, D, E> Future<Selected5<A, B, C, D, E>> select(
      Future<A> first, Future<B> second, Future<C> third, Future<D> fourth, Future<E> fifth) {
    return new SelectFuture<>(
        "Futures.select",
        new Future<?>[] {first, second, third, fourth, fifth},
        (i, v) ->
            switch (i) {
              case 0 -> Selected5.ofFirst(cast(v));
              case 1 -> Selected5.ofSecond(cast(v));
              case 2 -> Selected5.ofThird(cast(v));
              case 3 -> Selected5.ofFourth(cast(v));
              default -> Selected5.ofFifth(cast(v));
            });
  }

  /**
   * Completes with the output of whichever future finishes first and cancels the others (Rust's
   * {@code select_all} without the leftovers). Biased to argument order like {@link
   * #select(Future, Future)}; the first future to finish wins even if it fails, and then the race
   * fails with its exception, unchanged.
   *
   * <pre>{@code
   * String reply = await(Futures.race(ask(mirror1), ask(mirror2), ask(mirror3)));
   * }</pre>
   *
   * @throws IllegalArgumentException if no future is given
   */
  @SafeVarargs
  public static <T> Future<T> race(Future<? extends T>... futures) {
    Future<?>[] children = new Future<?>[futures.length];
    for (int i = 0; i < children.length; i++) {
      children[i] = futures[i];
    }
    return new SelectFuture<>("Futures.race", children, (i, v) -> cast(v));
  }

  /** {@link #race(Future[])} of a list. */
  public static <T> Future<T> race(Iterable<? extends Future<? extends T>> futures) {
    return new SelectFuture<>(
        "Futures.race", children("Futures.race", futures), (i, v) -> cast(v));
  }

  /**
   * A set running {@code futures} concurrently, whose outputs are taken one at a time as they
   * finish, without cancelling the others (futures-rs's {@code FuturesUnordered}). See {@link
   * Completions}.
   *
   * <pre>{@code
   * try (Completions<Response> inFlight = Futures.unordered(List.of(get(url1), get(url2)))) {
   *   while (!inFlight.isEmpty()) {
   *     System.out.println(await(inFlight.next()).status());
   *   }
   * }
   * }</pre>
   */
  public static <T> Completions<T> unordered(Iterable<? extends Future<? extends T>> futures) {
    return new Completions<>(futures);
  }

  /**
   * A future that completes with {@code stage}: ready once the stage completes, failing with the
   * stage's exception unchanged (unwrapped from {@code CompletionException}). One callback is
   * registered on the stage, however often the future is polled; cancelling the future does not
   * cancel the stage.
   */
  public static <T> Future<T> fromCompletionStage(CompletionStage<T> stage) {
    return new CompletionStageFuture<>(stage);
  }

  /**
   * Starts {@code future} as a task and returns a {@link CompletableFuture} of its output: the way
   * back from asyncfn to {@code CompletionStage} APIs. The task runs on the current runtime, or on
   * the default runtime when called outside one (see {@link #blockOn}). A failure completes the
   * {@code CompletableFuture} exceptionally with the same exception; cancelling the {@code
   * CompletableFuture} does not abort the task (use {@link JoinHandle#abort()} for that: spawn the
   * task yourself and call {@link JoinHandle#toCompletableFuture()}).
   */
  public static <T> CompletableFuture<T> toCompletableFuture(Future<T> future) {
    RuntimeHandle runtime =
        RuntimeHandle.tryCurrent().orElseGet(() -> BlockOn.defaultRuntime().handle());
    return runtime.spawn(future).toCompletableFuture();
  }

  private static <A, B> Future<Join2<A, B>> join2(
      String name, Policy policy, Future<A> a, Future<B> b) {
    return new JoinFuture<>(
        name, new Future<?>[] {a, b}, policy, o -> new Join2<>(cast(o[0]), cast(o[1])));
  }

  private static <A, B, C> Future<Join3<A, B, C>> join3(
      String name, Policy policy, Future<A> a, Future<B> b, Future<C> c) {
    return new JoinFuture<>(
        name,
        new Future<?>[] {a, b, c},
        policy,
        o -> new Join3<>(cast(o[0]), cast(o[1]), cast(o[2])));
  }

  private static <A, B, C, D> Future<Join4<A, B, C, D>> join4(
      String name, Policy policy, Future<A> a, Future<B> b, Future<C> c, Future<D> d) {
    return new JoinFuture<>(
        name,
        new Future<?>[] {a, b, c, d},
        policy,
        o -> new Join4<>(cast(o[0]), cast(o[1]), cast(o[2]), cast(o[3])));
  }

  private static <A, B, C, D, E> Future<Join5<A, B, C, D, E>> join5(
      String name,
      Policy policy,
      Future<A> a,
      Future<B> b,
      Future<C> c,
      Future<D> d,
      Future<E> e) {
    return new JoinFuture<>(
        name,
        new Future<?>[] {a, b, c, d, e},
        policy,
        o -> new Join5<>(cast(o[0]), cast(o[1]), cast(o[2]), cast(o[3]), cast(o[4])));
  }

  private static <T> Future<List<T>> joinAll(
      String name, Policy policy, Iterable<? extends Future<? extends T>> futures) {
    return new JoinFuture<>(
        name,
        children(name, futures),
        policy,
        o -> Collections.unmodifiableList(Arrays.asList(Futures.<T[]>cast(o))));
  }

  private static Future<?>[] children(String name, Iterable<? extends Future<?>> futures) {
    Objects.requireNonNull(futures, name + ": the list of futures is null");
    java.util.ArrayList<Future<?>> list = new java.util.ArrayList<>();
    for (Future<?> f : futures) {
      list.add(f);
    }
    return list.toArray(new Future<?>[0]);
  }

  /** The outputs are stored untyped by position; each is read back at the type it was put in. */
  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }
}
