/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Controllable futures for test cases: ones that suspend exactly once before completing, so that
 * every {@code await} of a generated state machine really suspends, and a mode switch that makes
 * them ready at once, so the same case also exercises the no-suspension path.
 *
 * <h2>The futures</h2>
 *
 * <ul>
 *   <li>{@link #later(Object)}: first poll wakes the polling context's waker and returns pending;
 *       second poll returns ready. So {@code Futures.blockOn}, a synchronous twin's {@code await},
 *       and a wake-driven poll loop all complete it. In {@link Mode#READY} it is ready at once.
 *   <li>{@link #laterFail(Throwable)}: pending once (woken), then throws the error unchanged.
 *   <li>{@link #laterIo(Object)} and {@link #laterThrow(Throwable)}: the same, typed as {@link
 *       ThrowingFuture} so that {@code await} declares the checked exception.
 *   <li>{@link #ready(Object)}, {@link #failed(Throwable)}: complete at the first poll in every
 *       mode.
 * </ul>
 *
 * Every one of them throws {@link IllegalStateException} when polled again after it completed, as
 * the {@link Future} contract requires: a state machine that re-polls a finished future fails the
 * test.
 *
 * <h2>Mode</h2>
 *
 * The mode is per thread ({@link #setMode}, {@link #withMode}) and read when a future is created,
 * so a case created and run on one thread behaves the same throughout. The default is {@link
 * Mode#PENDING_FIRST}.
 *
 * <h2>Counting</h2>
 *
 * {@link #pendings()} counts, per thread, how often these futures answered pending: {@link Oracle}
 * checks that the generated state machine suspended exactly as often as the futures it awaited.
 *
 * <h2>Thread safety</h2>
 *
 * A future is polled by one thread at a time, as the {@link Future} contract says; the mode and the
 * counter are thread-local.
 */
public final class TestFutures {

  /** How {@link #later} futures behave. */
  public enum Mode {
    /** Pending once (with a wake) before completing: every await suspends. */
    PENDING_FIRST,
    /** Complete at the first poll: no await suspends. */
    READY
  }

  private static final ThreadLocal<Mode> MODE = ThreadLocal.withInitial(() -> Mode.PENDING_FIRST);
  private static final ThreadLocal<int[]> PENDINGS = ThreadLocal.withInitial(() -> new int[1]);

  private TestFutures() {}

  /** The mode of this thread. */
  public static Mode mode() {
    return MODE.get();
  }

  /** Sets the mode of this thread for futures created from now on. */
  public static void setMode(Mode mode) {
    MODE.set(Objects.requireNonNull(mode, "mode"));
  }

  /** Runs {@code body} with this thread's mode set to {@code mode}, restoring it afterwards. */
  public static <T> T withMode(Mode mode, Callable<T> body) throws Exception {
    Mode old = MODE.get();
    MODE.set(Objects.requireNonNull(mode, "mode"));
    try {
      return body.call();
    } finally {
      MODE.set(old);
    }
  }

  /** How many times futures made here answered pending on this thread since the last reset. */
  public static int pendings() {
    return PENDINGS.get()[0];
  }

  /** Resets this thread's {@link #pendings()} count. */
  public static void resetPendings() {
    PENDINGS.get()[0] = 0;
  }

  /** Ready with {@code value} after one pending poll (or at once in {@link Mode#READY}). */
  public static <T> Future<T> later(T value) {
    return new Controlled<>(value, null, mode() == Mode.PENDING_FIRST);
  }

  /** Fails with {@code error}, unchanged, after one pending poll (or at once in READY mode). */
  public static <T> Future<T> laterFail(Throwable error) {
    return new Controlled<>(null, Objects.requireNonNull(error, "error"), mode() == Mode.PENDING_FIRST);
  }

  /** {@link #later} typed as a future that may fail with {@link IOException}, like an I/O read. */
  public static <T> ThrowingFuture<T, IOException> laterIo(T value) {
    return new Controlled<>(value, null, mode() == Mode.PENDING_FIRST);
  }

  /**
   * {@link #laterFail} typed as a future that may fail with {@code X}, so the awaiting code can
   * {@code catch (X e)}.
   */
  public static <T, X extends Throwable> ThrowingFuture<T, X> laterThrow(X error) {
    return new Controlled<>(null, Objects.requireNonNull(error, "error"), mode() == Mode.PENDING_FIRST);
  }

  /** Ready with {@code value} at the first poll, in every mode. */
  public static <T> Future<T> ready(T value) {
    return new Controlled<>(value, null, false);
  }

  /** Fails with {@code error} at the first poll, in every mode. */
  public static <T> Future<T> failed(Throwable error) {
    return new Controlled<>(null, Objects.requireNonNull(error, "error"), false);
  }

  /** Throws {@code t} as it is, checked or not. */
  @SuppressWarnings("unchecked")
  static <X extends Throwable> RuntimeException sneaky(Throwable t) throws X {
    throw (X) t;
  }

  /** One controllable future. */
  private static final class Controlled<T, X extends Throwable> implements ThrowingFuture<T, X> {
    private final T value;
    private final Throwable error;
    private boolean pendingFirst;
    private boolean done;

    Controlled(T value, Throwable error, boolean pendingFirst) {
      this.value = value;
      this.error = error;
      this.pendingFirst = pendingFirst;
    }

    @Override
    public Poll<T> poll(Context cx) {
      if (done) {
        throw new IllegalStateException(
            "TestFutures: " + this + " polled again after it completed (the Future contract forbids"
                + " it: the state machine must not re-poll a finished future)");
      }
      if (pendingFirst) {
        pendingFirst = false;
        PENDINGS.get()[0]++;
        cx.waker().wake();
        return Poll.pending();
      }
      done = true;
      if (error != null) {
        throw sneaky(error);
      }
      return Poll.ready(value);
    }

    @Override
    public String toString() {
      return error != null ? "failing(" + error + ")" : "later(" + value + ")";
    }
  }
}
