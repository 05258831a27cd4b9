/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.userbuild;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The twin check of the user-build corpus: runs an {@code @Async} method as its synchronous twin
 * (the method itself, where {@code await} blocks) and as the generated future (through {@link
 * Futures#blockOn}), each on a fresh subject, and asserts that a user could not tell them apart.
 *
 * <p>Example, in a user project's test:
 *
 * <pre>{@code
 * Twins.check("place(7)", OrderService::new,
 *         s -> s.place(7), s -> OrderServiceAsync.place(s, 7), OrderService::audit)
 *     .assertReturned("order 7 placed");
 * }</pre>
 *
 * <p>It asserts that calling the factory runs nothing of the body (the subject's trace is still a
 * fresh subject's), that both runs returned equal values (arrays deeply) or threw the same
 * exception (class, message and cause's class), that the subjects' traces are equal afterwards, and
 * that polling the completed future again throws {@link IllegalStateException}. Each run has a
 * time limit, so a hang fails instead of stopping the build. Only the JDK and the runtime are
 * used: user projects need no test library but their own.
 */
public final class Twins {
  private static final long TIME_LIMIT_SECONDS = 30;

  private Twins() {}

  /** A call of the synchronous twin on a subject; may throw what the method declares. */
  @FunctionalInterface
  public interface Call<S, T> {
    T call(S subject) throws Exception;
  }

  /** What one run did: its value or exception, and the subject's trace afterwards. */
  public record Outcome(String name, Object value, Throwable thrown, Object trace) {
    /** Asserts the run returned {@code expected} (deeply for arrays); returns this. */
    public Outcome assertReturned(Object expected) {
      if (thrown != null || !Objects.deepEquals(value, expected)) {
        throw new AssertionError(name + ": expected the twin to return " + show(expected)
            + ", but it " + describe(), thrown);
      }
      return this;
    }

    /** Asserts the run threw {@code type} with {@code message} (null: any message); returns this. */
    public Outcome assertThrew(Class<? extends Throwable> type, String message) {
      if (thrown == null || thrown.getClass() != type
          || (message != null && !message.equals(thrown.getMessage()))) {
        throw new AssertionError(name + ": expected the twin to throw " + type.getName()
            + (message == null ? "" : "(\"" + message + "\")") + ", but it " + describe(), thrown);
      }
      return this;
    }

    /** Asserts the subject's trace after the run; returns this. */
    public Outcome assertTrace(Object expected) {
      if (!Objects.deepEquals(trace, expected)) {
        throw new AssertionError(name + ": expected the trace " + show(expected) + ", got "
            + show(trace));
      }
      return this;
    }

    String describe() {
      return (thrown == null ? "returned " + show(value) : "threw " + thrown)
          + " with trace " + show(trace);
    }

    boolean sameAs(Outcome o) {
      return Objects.deepEquals(value, o.value)
          && Objects.deepEquals(trace, o.trace)
          && sameThrowable(thrown, o.thrown);
    }
  }

  /**
   * Runs the twin and the future of one {@code @Async} method, each on a fresh subject from {@code
   * fresh}, and asserts they agree; returns the twin's outcome for the caller's own assertions.
   *
   * @param name what the report calls the case, e.g. {@code "place(7)"}
   * @param fresh makes a new subject (the receiver, or whatever state the method touches)
   * @param twin calls the method itself
   * @param machine calls the generated companion's factory
   * @param trace reads the subject's side effects after a run (a list of log lines, a map...)
   */
  public static <S, T> Outcome check(
      String name,
      Supplier<? extends S> fresh,
      Call<? super S, ? extends T> twin,
      Function<? super S, ? extends Future<? extends T>> machine,
      Function<? super S, ?> trace) {
    S s1 = fresh.get();
    Outcome sync = timed(name + " [twin]", () -> twin.call(s1), () -> trace.apply(s1));

    S s2 = fresh.get();
    Object untouched = trace.apply(fresh.get());
    Future<? extends T> future = machine.apply(s2);
    if (!Objects.deepEquals(trace.apply(s2), untouched)) {
      throw new AssertionError(name + ": calling the factory ran part of the body (trace "
          + show(trace.apply(s2)) + ", a fresh subject's is " + show(untouched) + ")");
    }
    Outcome async = timed(name + " [future]", () -> Futures.blockOn(future), () -> trace.apply(s2));
    if (!sync.sameAs(async)) {
      AssertionError e = new AssertionError(name + ": the future and its synchronous twin differ\n"
          + "  twin:   " + sync.describe() + "\n  future: " + async.describe());
      if (sync.thrown != null) {
        e.addSuppressed(sync.thrown);
      }
      if (async.thrown != null) {
        e.addSuppressed(async.thrown);
      }
      throw e;
    }
    try {
      future.poll(Context.noop());
      throw new AssertionError(name + ": polling the completed future again did not throw");
    } catch (IllegalStateException expected) {
      // the Future contract
    }
    return sync;
  }

  @FunctionalInterface
  private interface Body {
    Object run() throws Exception;
  }

  /** Runs {@code body} on a fresh thread (so a blocked await cannot hang the build). */
  private static Outcome timed(String name, Body body, Supplier<?> trace) {
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "twin " + name);
      t.setDaemon(true);
      return t;
    });
    try {
      java.util.concurrent.Future<Object[]> run = thread.submit(() -> {
        try {
          return new Object[] {body.run(), null};
        } catch (Throwable t) {
          return new Object[] {null, t};
        }
      });
      Object[] result = run.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
      return new Outcome(name, result[0], (Throwable) result[1], trace.get());
    } catch (TimeoutException e) {
      throw new AssertionError(name + ": did not finish in " + TIME_LIMIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(name + ": interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError(name + ": " + e.getCause(), e.getCause());
    } finally {
      thread.shutdownNow();
    }
  }

  private static boolean sameThrowable(Throwable a, Throwable b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.getClass() == b.getClass()
        && Objects.equals(a.getMessage(), b.getMessage())
        && (a.getCause() == null) == (b.getCause() == null)
        && (a.getCause() == null || a.getCause().getClass() == b.getCause().getClass())
        && a.getSuppressed().length == b.getSuppressed().length;
  }

  private static String show(Object v) {
    if (v instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    if (v instanceof int[] array) {
      return Arrays.toString(array);
    }
    return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
  }
}
