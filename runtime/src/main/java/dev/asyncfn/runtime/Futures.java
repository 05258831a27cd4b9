package dev.asyncfn.runtime;

import dev.asyncfn.runtime.executor.BlockOn;
import java.util.concurrent.CompletionStage;

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
 */
public final class Futures {
  private Futures() {}

  /**
   * Waits for {@code future} and returns its output. See the class documentation.
   *
   * @throws IllegalStateException when called (outside generated code) on a runtime worker thread
   */
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
  public static <T, X extends Throwable> T await(ThrowingFuture<T, X> future) throws X {
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
   * Runs {@code future} to completion on the calling thread and returns its output, like Rust's
   * {@code block_on}. Its failure is thrown as it is.
   *
   * @throws IllegalStateException when called on a runtime worker thread: use {@code await} in
   *     an {@code @Async} method, or {@code spawnBlocking}, instead
   */
  public static <T> T blockOn(Future<T> future) {
    return BlockOn.run(future);
  }

  /** A future that is ready with {@code value} at its first poll, allocating nothing to poll. */
  public static <T> Future<T> ready(T value) {
    Poll<T> ready = Poll.ready(value);
    return cx -> ready;
  }

  /** A future that fails with {@code error} when polled. */
  public static <T> Future<T> failed(Throwable error) {
    java.util.Objects.requireNonNull(error, "error");
    return cx -> {
      throw Throwables.sneaky(error);
    };
  }

  /** A future that never completes (Rust's {@code std::future::pending}). */
  public static <T> Future<T> pending() {
    return cx -> Poll.pending();
  }

  /**
   * A future that completes with {@code stage}: ready once the stage completes, failing with the
   * stage's cause (unwrapped from {@code CompletionException}).
   */
  public static <T> Future<T> fromCompletionStage(CompletionStage<T> stage) {
    return new CompletionStageFuture<>(stage);
  }
}
