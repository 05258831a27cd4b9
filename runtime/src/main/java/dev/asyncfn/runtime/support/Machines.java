/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.support;

import dev.asyncfn.runtime.CancelledException;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.ThrowingFuture;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Small static helpers that generated state machines call. For generated code only.
 *
 * <p>Thread safety: stateless.
 */
public final class Machines {
  private Machines() {}

  /** The future to poll for {@code await(future)}. */
  public static Future<?> future(Future<?> future) {
    return future;
  }

  /**
   * The future of an async block lowered to {@code machine}, typed as the user's {@code
   * Futures.async(...)} call is: {@code typing} is that call in a lambda that is never invoked,
   * so that javac infers the block's output and exception types in the generated code.
   */
  @SuppressWarnings("unchecked")
  public static <T, X extends Exception> ThrowingFuture<T, X> block(
      ThrowingFuture<?, ?> machine, Supplier<ThrowingFuture<T, X>> typing) {
    return (ThrowingFuture<T, X>) machine;
  }

  /** The future to poll for {@code await(stage)}, bridging a {@link CompletionStage}. */
  public static Future<?> future(CompletionStage<?> stage) {
    return Futures.fromCompletionStage(stage);
  }

  /**
   * Throws {@code t} unchanged, checked or not; declared to return an exception so that callers
   * can write {@code throw Machines.rethrow(t)}.
   */
  public static RuntimeException rethrow(Throwable t) {
    throw Machines.<RuntimeException>sneaky(t);
  }

  /**
   * Makes {@code failure}'s frames in the machine of {@code map} read as the synchronous twin's
   * ({@code at shop.Orders.price(Orders.java:15)}), on the same exception object. When the failure
   * comes from elsewhere (a task awaited through its join handle), none of its frames is the
   * machine's: the machine's frame at its await in {@code state} is added at the end, so the
   * trace keeps its awaiting callers. Returns {@code failure}.
   */
  public static Throwable trace(Throwable failure, SourceMap map, int state) {
    StackTraceElement[] frames = failure.getStackTrace();
    boolean own = false;
    boolean changed = false;
    for (int i = 0; i < frames.length; i++) {
      StackTraceElement e = frames[i];
      if (map.isOwnFrame(e)) {
        own = true;
        int line = e.getClassName().equals(map.machineClass()) ? map.sourceLine(e.getLineNumber()) : -1;
        if (line > 0) {
          frames[i] = map.frame(line);
          changed = true;
        }
      }
    }
    if (!own && frames.length > 0) {
      StackTraceElement caller = map.suspendedAt(state);
      if (caller != null) {
        frames = Arrays.copyOf(frames, frames.length + 1);
        frames[frames.length - 1] = caller;
        changed = true;
      }
    }
    if (changed) {
      failure.setStackTrace(frames);
    }
    return failure;
  }

  @SuppressWarnings("unchecked")
  private static <X extends Throwable> X sneaky(Throwable t) throws X {
    throw (X) t;
  }

  /** The error for a poll in a state the machine cannot be in (polled after completion). */
  public static IllegalStateException badState(String method, int state) {
    if (state < 0) {
      return new IllegalStateException(
          "the future of @Async " + method + " was polled after it completed or was cancelled:"
              + " poll a future only until it returns Ready");
    }
    return new IllegalStateException(
        "the future of @Async " + method + " is in unknown state " + state
            + ": this is a bug in asyncfn");
  }

  /**
   * The failure of an await, inside a finally block that {@code cancel()} runs, whose future was
   * not ready on its one poll: the future is cancelled (cancellation cannot wait for it) and the
   * returned {@link CancelledException} skips the rest of that finally block.
   */
  public static CancelledException notReadyWhileCancelling(Future<?> future) {
    future.cancel();
    return new CancelledException(
        "await() in a finally block of a cancelled @Async method: the future was not ready;"
            + " cancellation cannot wait for it, so it was cancelled and the rest of this finally"
            + " block was skipped. Make such cleanup synchronous, or spawn it as its own task");
  }

  /**
   * Combines the failures seen while a machine is cancelled: a {@link CancelledException} is the
   * cancellation itself and is dropped; the first real failure wins and later ones are suppressed
   * into it, as try-with-resources does.
   */
  public static Throwable cancelFailure(Throwable first, Throwable next) {
    if (next instanceof CancelledException || next == first) {
      return first;
    }
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  /** Throws {@code failure} unchanged if there is one (the end of a machine's {@code cancel()}). */
  public static void throwIfFailed(Throwable failure) {
    if (failure != null) {
      throw rethrow(failure);
    }
  }

  /** Always true; lets a condition assign a pattern binding to a field. */
  public static boolean bind(Object assigned) {
    return true;
  }

  /** The iterator of a for-each loop over an {@link Iterable}, created once. */
  public static Iterator<?> iterator(Iterable<?> iterable) {
    return iterable.iterator();
  }

  /** The iterator of a for-each loop over an array (evaluated once, read by index). */
  public static Iterator<?> iterator(Object[] array) {
    return new ArrayIterator(array);
  }

  /** See {@link #iterator(Object[])}. */
  public static Iterator<?> iterator(int[] array) {
    return new ArrayIterator(array);
  }

  /** See {@link #iterator(Object[])}. */
  public static Iterator<?> iterator(long[] array) {
    return new ArrayIterator(array);
  }

  /** See {@link #iterator(Object[])}. */
  public static Iterator<?> iterator(double[] array) {
    return new ArrayIterator(array);
  }

  /** See {@link #iterator(Object[])}. */
  public static Iterator<?> iterator(float[] array) {
    return new ArrayIterator(array);
  }

  /** See {@link #iterator(Object[])}. */
  public static Iterator<?> iterator(short[] array) {
    return new ArrayIterator(array);
  }

  /** See {@link #iterator(Object[])}. */
  public static Iterator<?> iterator(byte[] array) {
    return new ArrayIterator(array);
  }

  /** See {@link #iterator(Object[])}. */
  public static Iterator<?> iterator(char[] array) {
    return new ArrayIterator(array);
  }

  /** See {@link #iterator(Object[])}. */
  public static Iterator<?> iterator(boolean[] array) {
    return new ArrayIterator(array);
  }

  /** Reads an array element by element, as the enhanced for statement does (JLS 14.14.2). */
  private static final class ArrayIterator implements Iterator<Object> {
    private final Object array;
    private final int length;
    private int index;

    ArrayIterator(Object array) {
      this.array = array;
      this.length = java.lang.reflect.Array.getLength(array);
    }

    @Override
    public boolean hasNext() {
      return index < length;
    }

    @Override
    public Object next() {
      if (index >= length) {
        throw new NoSuchElementException();
      }
      return java.lang.reflect.Array.get(array, index++);
    }
  }
}
