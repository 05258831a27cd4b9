/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.time.Instant;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A deterministic runtime for tests: the current-thread flavour with a paused, virtual clock
 * ({@code AsyncRuntime.builder().currentThread().startPaused(true)}), so every task runs on one thread
 * in a reproducible order and a one-hour {@code Time.sleep} completes at once, the clock jumping to
 * the next timer whenever every task is idle (Tokio's paused time).
 *
 * <p>{@link #blockOn} runs the future on a helper thread with a real-time limit, so a test that
 * would hang (a lost wake-up, a task waiting forever) fails with the stack of the stuck thread
 * instead.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (TestRuntime rt = TestRuntime.paused()) {
 *   TestRuntime.Timed<String> r = rt.blockOnTimed(ServerAsync.handleWithTimeout(request));
 *   assertEquals(Duration.ofSeconds(30), r.virtualElapsed());
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * One {@code blockOn} at a time; {@link #close} from the test thread.
 */
public final class TestRuntime implements AutoCloseable {
  private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

  private final AsyncRuntime runtime;
  private final Duration realTimeLimit;

  private TestRuntime(AsyncRuntime runtime, Duration realTimeLimit) {
    this.runtime = runtime;
    this.realTimeLimit = realTimeLimit;
  }

  /** A current-thread runtime with a paused clock and a 30 s real-time limit per blockOn. */
  public static TestRuntime paused() {
    return new TestRuntime(
        AsyncRuntime.builder().currentThread().startPaused(true).build(), DEFAULT_LIMIT);
  }

  /** The same runtime with another real-time limit per {@link #blockOn}. */
  public TestRuntime withRealTimeLimit(Duration limit) {
    return new TestRuntime(runtime, Objects.requireNonNull(limit, "limit"));
  }

  /** The underlying runtime, for {@code spawn} from outside and {@code liveTaskCount}. */
  public AsyncRuntime runtime() {
    return runtime;
  }

  /**
   * Runs {@code future} to completion on the runtime and returns its output; its failure is thrown
   * as it is.
   *
   * @throws AssertionError if it does not finish within the real-time limit
   */
  public <T> T blockOn(Future<T> future) {
    return blockOnTimed(future).value();
  }

  /** A value and how much virtual time passed while computing it. */
  public record Timed<T>(T value, Duration virtualElapsed) {}

  /**
   * Like {@link #blockOn}, also measuring the virtual time from the first poll to completion.
   *
   * @throws AssertionError if it does not finish within the real-time limit
   */
  public <T> Timed<T> blockOnTimed(Future<T> future) {
    Objects.requireNonNull(future, "future");
    AtomicReference<Object> result = new AtomicReference<>();
    AtomicReference<Duration> elapsed = new AtomicReference<>();
    Future<T> measured = new Measured<>(future, elapsed);
    Thread driver =
        new Thread(
            () -> {
              try {
                result.set(new Ok(runtime.blockOn(measured)));
              } catch (Throwable t) {
                result.set(t);
              }
            },
            "test-runtime");
    driver.setDaemon(true);
    driver.start();
    try {
      driver.join(realTimeLimit.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the test runtime", e);
    }
    if (driver.isAlive()) {
      Throwable where = new Throwable("the runtime's thread is here");
      where.setStackTrace(driver.getStackTrace());
      throw new AssertionError(
          "the future did not complete within " + realTimeLimit + " of real time", where);
    }
    Object r = result.get();
    if (r instanceof Throwable t) {
      throw TestFutures.sneaky(t);
    }
    @SuppressWarnings("unchecked")
    T value = (T) ((Ok) r).value;
    return new Timed<>(value, elapsed.get());
  }

  /** Shuts the runtime down, cancelling what is left. */
  @Override
  public void close() {
    runtime.shutdown(Duration.ofSeconds(5));
  }

  private record Ok(Object value) {}

  /** Reads the runtime's clock at the first poll and at completion. */
  private static final class Measured<T> implements Future<T> {
    private final Future<T> inner;
    private final AtomicReference<Duration> elapsed;
    private Instant start;

    Measured(Future<T> inner, AtomicReference<Duration> elapsed) {
      this.inner = inner;
      this.elapsed = elapsed;
    }

    @Override
    public Poll<T> poll(Context cx) {
      if (start == null) {
        start = Time.now();
      }
      Poll<T> p = inner.poll(cx);
      if (p.isReady()) {
        elapsed.set(Time.now().durationSince(start));
      }
      return p;
    }

    @Override
    public void cancel() {
      inner.cancel();
    }
  }
}
