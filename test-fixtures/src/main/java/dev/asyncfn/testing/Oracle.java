/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an {@code @Async} method both ways and asserts a user could not tell them apart: the
 * synchronous twin (the method itself, called by reflection, where {@code await} blocks) and the
 * generated future ({@code <Outer>Async.m(...)}, polled by hand with a {@link
 * WakeCountingContext}).
 *
 * <p>Each {@link #check} runs the twin and the future once with {@link TestFutures.Mode#READY} and
 * once with {@link TestFutures.Mode#PENDING_FIRST}, and asserts:
 *
 * <ul>
 *   <li>the {@link Outcome}s are equal: same value (arrays deeply, boxed type included) or same
 *       exception (class, message, cause and suppressed), and the same {@link Trace};
 *   <li>the future is lazy: calling the factory logs nothing;
 *   <li>the poll contract: every pending is preceded by a wake of the context's waker, the number
 *       of polls is bounded, and polling again after completion throws {@link
 *       IllegalStateException};
 *   <li>every await really suspends: the future answered pending exactly as often as the {@link
 *       TestFutures} it awaited did (so never in READY mode, and at least once in PENDING_FIRST
 *       mode if it awaited a {@code later} future);
 *   <li>the twin did what the case declares: returned (or threw the type, and message, given to
 *       {@link AsyncCase#throwing}), the value given to {@link AsyncCase#expect}, and logged the
 *       trace given to {@link AsyncCase#expectTrace}.
 * </ul>
 *
 * A failure message shows both outcomes and the generated sources of the class.
 *
 * <h2>Thread safety</h2>
 *
 * Uses the global {@link Trace}: do not run checks concurrently. Each check runs on a fresh thread
 * with a time limit, so a hanging case fails instead of hanging the build.
 */
public final class Oracle {
  /** More polls than any case needs; reaching it means the future spins instead of finishing. */
  public static final int MAX_POLLS = 10_000;

  private static final long TIME_LIMIT_SECONDS = 20;

  private final Compiled compiled;

  private Oracle(Compiled compiled) {
    this.compiled = Objects.requireNonNull(compiled, "compiled");
  }

  /**
   * An oracle over the classes of {@code compiled}.
   *
   * @throws AssertionError if the compilation failed, with its diagnostics
   */
  public static Oracle of(Compiled compiled) {
    compiled.assertSuccess();
    return new Oracle(compiled);
  }

  /** The result of one {@link Oracle#run}: the four outcomes and what the polling saw. */
  public record Report(
      AsyncCase asyncCase,
      Outcome twinReady,
      Outcome futureReady,
      Outcome twinPending,
      Outcome futurePending,
      int pollsPending,
      int suspensionsPending) {}

  /** Runs {@code c} and asserts everything listed in the class documentation. */
  public Report check(AsyncCase c) {
    return run(c);
  }

  /**
   * Runs {@code c} in both modes and asserts; returns what it saw.
   *
   * @throws AssertionError describing the first difference
   */
  public Report run(AsyncCase c) {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                result.set(runHere(c));
              } catch (Throwable t) {
                result.set(t);
              }
            },
            "oracle-" + c.method());
    worker.setDaemon(true);
    worker.setContextClassLoader(compiled.classLoader());
    worker.start();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(TIME_LIMIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + c, e);
    }
    if (worker.isAlive()) {
      StackTraceElement[] stack = worker.getStackTrace();
      worker.interrupt();
      AssertionError e =
          new AssertionError(
              c + ": did not finish in " + TIME_LIMIT_SECONDS + " s (stack of the stuck run below)");
      Throwable where = new Throwable("stuck here");
      where.setStackTrace(stack);
      e.initCause(where);
      throw e;
    }
    Object r = result.get();
    if (r instanceof Error e) {
      throw e;
    }
    if (r instanceof Throwable t) {
      throw new AssertionError(c + ": the oracle itself failed", t);
    }
    return (Report) r;
  }

  /**
   * Runs only the synchronous twin of {@code c}, in both modes, and checks what the case declares
   * ({@link AsyncCase#expect}, {@link AsyncCase#throwing}, {@link AsyncCase#expectTrace}) and that
   * the twin does not depend on the mode. For validating a corpus without the processor: needs no
   * companion class.
   *
   * @return the twin's outcome
   * @throws AssertionError if the twin does not do what the case declares
   */
  public Outcome checkTwin(AsyncCase c) {
    Class<?> type = compiled.loadClass(c.className());
    Method twin = findTwin(type, c);
    TestFutures.Mode old = TestFutures.mode();
    try {
      TestFutures.setMode(TestFutures.Mode.READY);
      Outcome ready = runTwin(c, type, twin);
      TestFutures.setMode(TestFutures.Mode.PENDING_FIRST);
      Outcome pending = runTwin(c, type, twin);
      checkTwin(c, ready);
      if (!ready.sameAs(pending)) {
        throw new AssertionError(c + ": the synchronous twin behaves differently with ready and"
            + " with pending futures; the case depends on the mode\n  READY:   " + ready
            + "\n  PENDING: " + pending);
      }
      return ready;
    } finally {
      TestFutures.setMode(old);
    }
  }

  private Report runHere(AsyncCase c) {
    Class<?> type = compiled.loadClass(c.className());
    Method twin = findTwin(type, c);
    Method factory = findFactory(type, twin, c);

    TestFutures.setMode(TestFutures.Mode.READY);
    Outcome twinReady = runTwin(c, type, twin);
    Polled futureReady = runFuture(c, type, twin, factory);

    TestFutures.setMode(TestFutures.Mode.PENDING_FIRST);
    Outcome twinPending = runTwin(c, type, twin);
    Polled futurePending = runFuture(c, type, twin, factory);

    Report report =
        new Report(
            c,
            twinReady,
            futureReady.outcome,
            twinPending,
            futurePending.outcome,
            futurePending.polls,
            futurePending.suspensions);

    checkTwin(c, twinReady);
    if (!twinReady.sameAs(twinPending)) {
      fail(c, "the synchronous twin behaves differently with ready and with pending futures; the"
          + " case depends on the mode", report);
    }
    if (!futureReady.outcome.sameAs(twinReady)) {
      fail(c, "READY mode: the future's outcome differs from the synchronous twin's", report);
    }
    if (!futurePending.outcome.sameAs(twinPending)) {
      fail(c, "PENDING_FIRST mode: the future's outcome differs from the synchronous twin's",
          report);
    }
    for (Polled p : List.of(futureReady, futurePending)) {
      if (p.problem != null) {
        fail(c, p.mode + " mode: " + p.problem, report);
      }
      if (p.suspensions != p.awaitedPendings) {
        fail(c, p.mode + " mode: the future answered pending " + p.suspensions
            + " time(s) but the futures it awaited answered pending " + p.awaitedPendings
            + " time(s): every suspension of an awaited future must suspend the state machine"
            + " once, and an await of a ready future must not suspend", report);
      }
    }
    return report;
  }

  private void checkTwin(AsyncCase c, Outcome twin) {
    if (twin.threw()) {
      Class<? extends Throwable> expected = c.expectedThrowable().orElse(null);
      if (expected == null || !expected.isInstance(twin.thrown())) {
        AssertionError e = new AssertionError(c + ": the synchronous twin threw "
            + Outcome.describeThrowable(twin.thrown())
            + (expected == null
                ? "; if that is the point of the case, declare .throwing(" + twin.thrown().getClass()
                    .getSimpleName() + ".class)"
                : " instead of " + expected.getName()));
        e.initCause(twin.thrown());
        throw e;
      }
      if (c.expectedMessage().isPresent()
          && !c.expectedMessage().get().equals(twin.thrown().getMessage())) {
        AssertionError e = new AssertionError(c + ": the synchronous twin threw "
            + Outcome.describeThrowable(twin.thrown()) + " but the case expects the message \""
            + c.expectedMessage().get() + "\"");
        e.initCause(twin.thrown());
        throw e;
      }
    } else {
      if (c.expectedThrowable().isPresent()) {
        throw new AssertionError(c + ": the synchronous twin " + twin.result() + " but the case"
            + " declares it throws " + c.expectedThrowable().get().getName());
      }
      if (c.hasExpectedValue() && !Objects.deepEquals(c.expectedValue(), twin.value())) {
        throw new AssertionError(c + ": the synchronous twin " + twin.result()
            + " but the case expects " + Outcome.describeValue(c.expectedValue()));
      }
    }
    if (c.expectedTrace().isPresent() && !c.expectedTrace().get().equals(twin.trace())) {
      throw new AssertionError(c + ": the synchronous twin logged " + twin.trace()
          + " but the case expects the trace " + c.expectedTrace().get());
    }
  }

  private Outcome runTwin(AsyncCase c, Class<?> type, Method twin) {
    Object receiver = Modifier.isStatic(twin.getModifiers()) ? null : newReceiver(c, type);
    Trace.reset();
    TestFutures.resetPendings();
    try {
      Object v = twin.invoke(receiver, c.args());
      return Outcome.returned(v, Trace.take());
    } catch (InvocationTargetException e) {
      return Outcome.threw(e.getCause(), Trace.take());
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new AssertionError(c + ": cannot call the synchronous twin " + twin, e);
    }
  }

  /** What polling the generated future saw. */
  private static final class Polled {
    String mode;
    Outcome outcome;
    int polls;
    int suspensions;
    int awaitedPendings;
    String problem;
  }

  private Polled runFuture(AsyncCase c, Class<?> type, Method twin, Method factory) {
    Polled p = new Polled();
    p.mode = TestFutures.mode().toString();
    boolean isStatic = Modifier.isStatic(twin.getModifiers());
    Object[] args = c.args();
    Object[] factoryArgs;
    if (isStatic) {
      factoryArgs = args;
    } else {
      factoryArgs = new Object[args.length + 1];
      factoryArgs[0] = newReceiver(c, type);
      System.arraycopy(args, 0, factoryArgs, 1, args.length);
    }
    Trace.reset();
    TestFutures.resetPendings();
    Future<?> future;
    try {
      future = (Future<?>) factory.invoke(null, factoryArgs);
    } catch (InvocationTargetException e) {
      AssertionError err = new AssertionError(c + ": the factory " + factory + " threw; it must"
          + " only capture its arguments (the body runs at the first poll)");
      err.initCause(e.getCause());
      throw err;
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new AssertionError(c + ": cannot call the factory " + factory, e);
    }
    if (future == null) {
      throw new AssertionError(c + ": the factory " + factory + " returned null");
    }
    if (!Trace.peek().isEmpty()) {
      p.problem = "the factory ran (part of) the body before the first poll: logged "
          + Trace.peek() + "; futures must be lazy";
    }
    WakeCountingContext cx = new WakeCountingContext();
    boolean threw = false;
    for (;;) {
      if (p.polls == MAX_POLLS) {
        p.outcome = Outcome.returned("<gave up after " + MAX_POLLS + " polls>", Trace.take());
        p.problem = "still pending after " + MAX_POLLS + " polls";
        p.awaitedPendings = TestFutures.pendings();
        return p;
      }
      int before = cx.wakes();
      p.polls++;
      Poll<?> poll;
      try {
        poll = future.poll(cx);
      } catch (Throwable t) {
        p.outcome = Outcome.threw(t, Trace.take());
        threw = true;
        break;
      }
      if (poll == null) {
        p.outcome = Outcome.returned("<poll returned null>", Trace.take());
        p.problem = "poll #" + p.polls + " returned null instead of a Poll";
        break;
      }
      if (poll.isReady()) {
        p.outcome = Outcome.returned(poll.get(), Trace.take());
        break;
      }
      p.suspensions++;
      if (!cx.wokenSince(before) && p.problem == null) {
        p.problem = "poll #" + p.polls + " returned pending without waking (or arranging to wake)"
            + " the context's waker: a task would never be polled again";
      }
    }
    p.awaitedPendings = TestFutures.pendings();
    if (p.problem == null) {
      try {
        future.poll(cx);
        p.problem = "polling again after it " + (threw ? "threw" : "returned ready")
            + " did not throw IllegalStateException";
      } catch (IllegalStateException expected) {
        // The contract.
      } catch (Throwable t) {
        p.problem = "polling again after it " + (threw ? "threw" : "returned ready") + " threw "
            + Outcome.describeThrowable(t) + " instead of IllegalStateException";
      }
      List<Object> extra = Trace.take();
      if (!extra.isEmpty() && p.problem == null) {
        p.problem = "polling again after completion ran user code: logged " + extra;
      }
    }
    return p;
  }

  private static Object newReceiver(AsyncCase c, Class<?> type) {
    if (c.receiverFactory().isPresent()) {
      return c.receiverFactory().get().apply(type);
    }
    try {
      var ctor = type.getDeclaredConstructor();
      ctor.setAccessible(true);
      return ctor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(c + ": " + type.getName() + " has no usable no-argument"
          + " constructor for the receiver; give AsyncCase.receiver(...)", e);
    }
  }

  private static Method findTwin(Class<?> type, AsyncCase c) {
    List<Method> candidates = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (!m.getName().equals(c.method()) || m.isSynthetic() || m.isBridge()) {
        continue;
      }
      if (c.chosenParamTypes().isPresent()) {
        if (Arrays.equals(m.getParameterTypes(), c.chosenParamTypes().get())) {
          candidates.add(m);
        }
      } else if (m.getParameterCount() == c.args().length) {
        candidates.add(m);
      }
    }
    if (candidates.size() != 1) {
      throw new AssertionError(c + ": expected exactly one method " + c.method() + " with "
          + c.chosenParamTypes().map(Arrays::toString).orElse(c.args().length + " parameters")
          + " in " + type.getName() + ", found " + candidates
          + (candidates.size() > 1 ? "; choose one with .paramTypes(...)" : ""));
    }
    Method m = candidates.get(0);
    m.setAccessible(true);
    return m;
  }

  /**
   * The companion's factory for {@code twin}: same name, the receiver first for an instance
   * method, then the twin's parameters (compared by erasure).
   */
  private Method findFactory(Class<?> type, Method twin, AsyncCase c) {
    String companion = companionName(type);
    Class<?> companionType = compiled.loadClass(companion);
    List<Class<?>> params = new ArrayList<>();
    if (!Modifier.isStatic(twin.getModifiers())) {
      params.add(type);
    }
    params.addAll(Arrays.asList(twin.getParameterTypes()));
    Method factory;
    try {
      factory = companionType.getDeclaredMethod(twin.getName(), params.toArray(new Class<?>[0]));
    } catch (NoSuchMethodException e) {
      throw new AssertionError(c + ": " + companion + " has no factory " + twin.getName()
          + params + "; it has " + Arrays.toString(companionType.getDeclaredMethods()) + "\n"
          + Compiled.describeGenerated(generatedFor(c)));
    }
    if (!Modifier.isStatic(factory.getModifiers())) {
      throw new AssertionError(c + ": the factory " + factory + " must be static");
    }
    if (!Future.class.isAssignableFrom(factory.getReturnType())) {
      throw new AssertionError(c + ": the factory " + factory + " must return a Future");
    }
    factory.setAccessible(true);
    return factory;
  }

  /** {@code pkg.Outer} -> {@code pkg.OuterAsync}; {@code pkg.A$B} -> {@code pkg.A_BAsync}. */
  public static String companionName(Class<?> type) {
    String pkg = type.getPackageName();
    String rest = pkg.isEmpty() ? type.getName() : type.getName().substring(pkg.length() + 1);
    return (pkg.isEmpty() ? "" : pkg + ".") + rest.replace('$', '_') + "Async";
  }

  private java.util.Map<String, String> generatedFor(AsyncCase c) {
    return compiled.generatedSourcesFor(c.packageName(), c.outerSimpleName());
  }

  private void fail(AsyncCase c, String what, Report r) {
    throw new AssertionError(
        c + ": " + what
            + "\n  READY         twin:   " + r.twinReady()
            + "\n                future: " + r.futureReady()
            + "\n  PENDING_FIRST twin:   " + r.twinPending()
            + "\n                future: " + r.futurePending()
            + " (" + r.pollsPending() + " polls)\n"
            + Compiled.describeGenerated(generatedFor(c)));
  }
}
