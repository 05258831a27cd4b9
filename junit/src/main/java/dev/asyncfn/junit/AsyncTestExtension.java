/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.junit;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Future;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit extension behind {@link AsyncTest} and {@link AsyncParameterizedTest}: instead of
 * invoking the test method, it runs the method's generated future on a fresh {@link AsyncRuntime}.
 *
 * <p>For a test method {@code m(A a)} of class {@code p.FooTest} (nested {@code p.Outer.FooTest}),
 * the processor generated {@code p.FooTestAsync.m(FooTest self, A a)} ({@code
 * p.Outer_FooTestAsync}); the extension calls it with the test instance and the arguments JUnit
 * resolved (the parameterised arguments of an invocation included), skips the plain method (the
 * synchronous twin), builds the runtime the annotation asks for, and {@code blockOn}s the future on
 * the test's thread. The test fails with the future's exception, unchanged; then, if tasks spawned
 * during the test are still alive, with the list of them ({@link TaskDump}); the runtime is shut
 * down either way, which cancels such tasks.
 *
 * <p>Registered by both annotations; registering it on a class ({@code @ExtendWith}) does nothing
 * for methods without them. Stateless.
 *
 * <h2>Timeouts</h2>
 *
 * A test that awaits something that never happens waits for ever, like any blocking test. Bound it
 * with JUnit's {@code @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)}: the
 * runtime's waits do not respond to interrupts, so the default same-thread mode cannot stop them.
 */
public final class AsyncTestExtension implements InvocationInterceptor {
  /** How long a multi-thread runtime's tasks that are finishing on other workers are waited for. */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  /** Created by JUnit, through the annotations' {@code @ExtendWith}. */
  public AsyncTestExtension() {}

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    intercept(invocation, invocationContext, extensionContext);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    intercept(invocation, invocationContext, extensionContext);
  }

  private static void intercept(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    Method method = invocationContext.getExecutable();
    Settings settings = Settings.of(method);
    if (settings == null) {
      invocation.proceed();
      return;
    }
    invocation.skip(); // the synchronous twin does not run: its future does
    settings.validate();
    Object receiver = invocationContext.getTarget().orElse(null);
    Future<?> future = futureOf(settings, method, receiver, invocationContext.getArguments());
    AsyncRuntime runtime = settings.build(method);
    Throwable failure = null;
    try {
      runtime.blockOn(future);
    } catch (Throwable t) {
      failure = t;
    }
    try {
      AssertionError leak = leakCheck(settings, runtime, extensionContext);
      if (leak != null) {
        if (failure == null) {
          failure = leak;
        } else {
          failure.addSuppressed(leak);
        }
      }
    } finally {
      try {
        runtime.shutdown(SHUTDOWN_TIMEOUT);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The future of {@code method} from its companion's factory, called with the receiver first. */
  private static Future<?> futureOf(
      Settings settings, Method method, Object receiver, List<Object> arguments) {
    Class<?> owner = method.getDeclaringClass();
    String companion = companionName(owner);
    Class<?>[] types = new Class<?>[method.getParameterCount() + 1];
    types[0] = owner;
    System.arraycopy(method.getParameterTypes(), 0, types, 1, method.getParameterCount());
    Method factory;
    try {
      Class<?> type = Class.forName(companion, false, owner.getClassLoader());
      // package-private for a package-private test method, as the processor makes every factory
      factory = type.getDeclaredMethod(method.getName(), types);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new ExtensionConfigurationException(
          settings.describe(method)
              + " has no generated future: "
              + companion
              + "."
              + method.getName()
              + signature(types)
              + " was not found. Put the asyncfn processor (dev.asyncfn:asyncfn-processor) on the"
              + " annotation processor path of the test compilation, as for @Async code",
          e);
    }
    Object[] args = new Object[arguments.size() + 1];
    args[0] = receiver;
    for (int i = 0; i < arguments.size(); i++) {
      args[i + 1] = arguments.get(i);
    }
    // JUnit's own reflection: the same access rules as for invoking the test method itself, and an
    // exception of the factory is rethrown unwrapped.
    return (Future<?>) ReflectionSupport.invokeMethod(factory, null, args);
  }

  /** {@code p.Outer_InnerAsync} for {@code p.Outer.Inner}: the processor's companion name. */
  static String companionName(Class<?> owner) {
    StringBuilder path = new StringBuilder(owner.getSimpleName());
    for (Class<?> c = owner.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
      path.insert(0, c.getSimpleName() + "_");
    }
    String pkg = owner.getPackageName();
    return (pkg.isEmpty() ? "" : pkg + ".") + path + "Async";
  }

  private static String signature(Class<?>[] types) {
    List<String> names = new ArrayList<>();
    for (Class<?> t : types) {
      names.add(t.getSimpleName());
    }
    return "(" + String.join(", ", names) + ")";
  }

  /**
   * The failure for the tasks still alive after the test's future completed, or null. On the
   * current-thread flavour nothing runs once {@code blockOn} returned, so the count is exact; on
   * the multi-thread flavour a task may be returning from its last poll on another worker, and
   * such tasks get {@link #SETTLE} to finish.
   */
  private static AssertionError leakCheck(
      Settings settings, AsyncRuntime runtime, ExtensionContext context) {
    int live = runtime.liveTaskCount();
    if (live > 0 && settings.flavor == Flavor.MULTI_THREAD) {
      long deadline = System.nanoTime() + SETTLE.toNanos();
      while (live > 0 && System.nanoTime() - deadline < 0) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        live = runtime.liveTaskCount();
      }
    }
    if (live == 0) {
      return null;
    }
    StringBuilder message =
        new StringBuilder(settings.describe(context.getRequiredTestMethod()))
            .append(" leaked ")
            .append(live)
            .append(live == 1 ? " task" : " tasks")
            .append(": still alive when the test's future completed. Await each spawned task's")
            .append(" JoinHandle (or use a JoinSet), or abort it, before the test ends.");
    List<String> dump = dump(runtime, context);
    if (dump.isEmpty()) {
      message
          .append("\n  (no task dump available: the runtime reports the number of live tasks only;")
          .append(" a ")
          .append(TaskDump.class.getName())
          .append(" lists them)");
    }
    for (String line : dump) {
      message.append("\n  - ").append(line);
    }
    AssertionError leak = new AssertionError(message.toString());
    leak.setStackTrace(new StackTraceElement[] {at(context.getRequiredTestMethod())});
    return leak;
  }

  /**
   * Where a leak is reported: the test method, since the extension's own frames say nothing to the
   * user. The file is the one a top-level class is declared in by convention.
   */
  private static StackTraceElement at(Method method) {
    Class<?> top = method.getDeclaringClass();
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return new StackTraceElement(
        method.getDeclaringClass().getName(), method.getName(), top.getSimpleName() + ".java", -1);
  }

  /** The first non-empty answer of the configured dump, then of the ones ServiceLoader finds. */
  private static List<String> dump(AsyncRuntime runtime, ExtensionContext context) {
    List<TaskDump> dumps = new ArrayList<>();
    Optional<String> configured =
        context.getConfigurationParameter(TaskDump.CONFIGURATION_PARAMETER);
    if (configured.isPresent()) {
      Class<?> type =
          ReflectionSupport.tryToLoadClass(configured.get().trim())
              .getOrThrow(
                  e ->
                      new ExtensionConfigurationException(
                          TaskDump.CONFIGURATION_PARAMETER
                              + " names a class that cannot be loaded: "
                              + configured.get(),
                          e));
      if (!TaskDump.class.isAssignableFrom(type)) {
        throw new ExtensionConfigurationException(
            TaskDump.CONFIGURATION_PARAMETER
                + " names "
                + type.getName()
                + ", which does not implement "
                + TaskDump.class.getName());
      }
      dumps.add((TaskDump) ReflectionSupport.newInstance(type));
    }
    ServiceLoader.load(TaskDump.class).forEach(dumps::add);
    for (TaskDump d : dumps) {
      List<String> lines = d.liveTasks(runtime.handle());
      if (lines != null && !lines.isEmpty()) {
        return lines;
      }
    }
    return List.of();
  }

  /** What the annotation of one test method asks for. */
  private static final class Settings {
    final String annotation;
    final Flavor flavor;
    final int workerThreads;
    final boolean startPaused;
    final boolean both;

    private Settings(
        String annotation, Flavor flavor, int workerThreads, boolean startPaused, boolean both) {
      this.annotation = annotation;
      this.flavor = flavor;
      this.workerThreads = workerThreads;
      this.startPaused = startPaused;
      this.both = both;
    }

    /** The settings of {@code method}'s annotation, or null if it has neither. */
    static Settings of(Method method) {
      AsyncTest test = method.getAnnotation(AsyncTest.class);
      AsyncParameterizedTest parameterized = method.getAnnotation(AsyncParameterizedTest.class);
      if (test != null) {
        return new Settings(
            "@AsyncTest",
            test.flavor(),
            test.workerThreads(),
            test.startPaused(),
            parameterized != null);
      }
      if (parameterized != null) {
        return new Settings(
            "@AsyncParameterizedTest",
            parameterized.flavor(),
            parameterized.workerThreads(),
            parameterized.startPaused(),
            false);
      }
      return null;
    }

    String describe(Method method) {
      return annotation + " " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
          + "()";
    }

    void validate() {
      if (both) {
        throw new ExtensionConfigurationException(
            "a method cannot be both @AsyncTest and @AsyncParameterizedTest: JUnit would run it"
                + " twice. Use @AsyncParameterizedTest with an argument source, or @AsyncTest");
      }
      if (workerThreads < 0) {
        throw new ExtensionConfigurationException(
            annotation + "(workerThreads = " + workerThreads + "): the number must be positive,"
                + " or 0 for one per processor");
      }
      if (workerThreads > 0 && flavor != Flavor.MULTI_THREAD) {
        throw new ExtensionConfigurationException(
            annotation + "(workerThreads = " + workerThreads + ") needs flavor ="
                + " Flavor.MULTI_THREAD: a current-thread runtime runs every task on the test's"
                + " thread");
      }
      if (startPaused && flavor != Flavor.CURRENT_THREAD) {
        throw new ExtensionConfigurationException(
            annotation + "(startPaused = true) needs the current-thread flavour: the paused clock"
                + " advances when every task is idle, which only one thread driving them all can"
                + " know (as in Tokio)");
      }
    }

    AsyncRuntime build(Method method) {
      AsyncRuntime.Builder b =
          flavor == Flavor.MULTI_THREAD
              ? AsyncRuntime.builder().multiThread()
              : AsyncRuntime.builder().currentThread();
      if (workerThreads > 0) {
        b.workerThreads(workerThreads);
      }
      b.threadNamePrefix("asyncfn-test-" + method.getName()).startPaused(startPaused);
      return b.build();
    }
  }
}
