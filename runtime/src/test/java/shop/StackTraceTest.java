/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A failure in {@code @Async} machines reads as the synchronous twin's stack trace: each frame is
 * the user's class, method, file and line; the runtime's frames in between are gone; a failure that
 * crossed from a spawned task shows that task's frames, where it was spawned, a boundary, and the
 * awaiting caller. The machines are hand-written in the processor's shape (see {@link
 * HandMachine}); this class plays the user's code, outside the runtime's packages, so its frames
 * are kept.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StackTraceTest {
  private static final String SPAWN = "_ASYNCFN._SPAWN";
  private static final String BOUNDARY = "_ASYNCFN._BOUNDARY";
  private static final String AWAITED = "_ASYNCFN._AWAITED";
  private static final List<String> ITEMS = List.of("a", "");

  /** Both flavours, two workers for the multi-thread one. */
  enum Flavor {
    CURRENT_THREAD,
    MULTI_THREAD;

    AsyncRuntime build() {
      AsyncRuntime.Builder b = AsyncRuntime.builder().name("traces-" + this);
      return (this == CURRENT_THREAD ? b.currentThread() : b.multiThread().workerThreads(2))
          .build();
    }
  }

  /** The twin's frame of {@code method} at the line of {@code Orders.java} marked {@code name}. */
  private static String at(String method, String name) {
    return "shop.Orders." + method + "(Orders.java:" + Lines.of(name) + ")";
  }

  /**
   * The frames of {@code t} above the first frame of this class (the lambda given to {@link
   * #failure}), as {@code class.method(file:line)}, markers as {@code _ASYNCFN.kind}.
   */
  private static List<String> frames(Throwable t) {
    List<String> all = allFrames(t);
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith(StackTraceTest.class.getName() + ".")) {
        return all.subList(0, i);
      }
    }
    throw new AssertionError("no frame of the caller in " + all);
  }

  private static List<String> allFrames(Throwable t) {
    List<String> out = new ArrayList<>();
    for (StackTraceElement e : t.getStackTrace()) {
      out.add(
          e.getClassName().equals("_ASYNCFN")
              ? "_ASYNCFN." + e.getMethodName()
              : e.getClassName() + "." + e.getMethodName() + "(" + e.getFileName() + ":"
                  + e.getLineNumber() + ")");
    }
    return out;
  }

  /** The failure of {@code run}, called here: the frame the traces must end in. */
  private static Throwable failure(Supplier<?> run) {
    try {
      run.get();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("did not fail");
  }

  private static void assertNoRuntimeFrames(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      assertFalse(
          e.getClassName().startsWith("dev.asyncfn.runtime."),
          e + " in " + Arrays.toString(t.getStackTrace()));
    }
  }

  private static String boundaryText(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().equals("_ASYNCFN") && e.getMethodName().equals("_BOUNDARY")) {
        return e.getFileName();
      }
    }
    throw new AssertionError("no boundary in " + Arrays.toString(t.getStackTrace()));
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aFailureInANestedChainShowsEachMethodAtItsAwait(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      Throwable t = failure(() -> rt.blockOn(OrdersAsync.checkout(ITEMS)));
      assertEquals(IllegalArgumentException.class, t.getClass());
      assertEquals("no item", t.getMessage());
      assertEquals(
          List.of(
              at("price", "price-throw"),
              at("total", "total-await"),
              at("checkout", "checkout-await")),
          frames(t));
      assertNoRuntimeFrames(t);
    }
  }

  @Test
  void theTwinAndTheFutureGiveTheSameFrames() {
    // The twin awaits the machines of the methods it calls, blocking: their frames are mapped, the
    // runtime's blocking await is trimmed, and the twin's own frames are real ones.
    List<String> future = frames(failure(() -> Futures.blockOn(OrdersAsync.checkout(ITEMS))));
    List<String> twin = frames(failure(() -> Orders.checkout(ITEMS)));
    assertEquals(future, twin);
    assertEquals(
        List.of(at("price", "price-throw"), at("total", "total-await")),
        frames(failure(() -> Orders.total(ITEMS))));
    assertEquals(
        frames(failure(() -> Futures.blockOn(OrdersAsync.total(ITEMS)))),
        frames(failure(() -> Orders.total(ITEMS))));
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aSpawnedTasksFailureShowsItsFramesWhereItWasSpawnedAndTheAwaitingCaller(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      Throwable t = failure(() -> rt.blockOn(OrdersAsync.checkoutLater(ITEMS)));
      assertEquals(
          List.of(
              at("price", "price-throw"),
              at("total", "total-await"),
              SPAWN,
              // no stack walk at spawn: the spawning state's line (here the method's first)
              at("checkoutLater", "checkoutLater"),
              BOUNDARY,
              at("checkoutLater", "checkoutLater-await")),
          frames(t));
      assertTrue(
          boundaryText(t).matches("task \\d+ \"totals\" failed; awaited by the frames below"),
          boundaryText(t));
      assertNoRuntimeFrames(t);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void joinSelectAndTimeoutOverSpawnedTasksKeepTheAwaitingCaller(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      for (String method : List.of("joined", "selected", "timed")) {
        Future<Integer> f =
            method.equals("joined")
                ? OrdersAsync.joined(List.of("a"), ITEMS)
                : method.equals("selected")
                    ? OrdersAsync.selected(ITEMS)
                    : OrdersAsync.timed(ITEMS);
        Throwable t = failure(() -> rt.blockOn(f));
        assertEquals(
            List.of(
                at("price", "price-throw"),
                at("total", "total-await"),
                SPAWN,
                at(method, method),
                BOUNDARY,
                at(method, method + "-await")),
            frames(t),
            method);
        assertNoRuntimeFrames(t);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aJoinInsideOneTaskShowsTheChainWithoutTheCombinatorsFrames(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      Throwable t = failure(() -> rt.blockOn(OrdersAsync.joinedInTask(List.of("a"), ITEMS)));
      assertEquals(
          List.of(
              at("price", "price-throw"),
              at("total", "total-await"),
              at("joinedInTask", "joinedInTask-await")),
          frames(t));
      assertNoRuntimeFrames(t);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void theExceptionObjectItsMessageCauseAndSuppressedAreKept(Flavor flavor) {
    IllegalStateException cause = new IllegalStateException("cause");
    IOException boom = new IOException("boom", cause);
    IOException suppressed = new IOException("suppressed");
    boom.addSuppressed(suppressed);
    StackTraceElement[] causeFrames = cause.getStackTrace();
    try (AsyncRuntime rt = flavor.build()) {
      Throwable direct = failure(() -> rt.blockOn(OrdersAsync.relay(Futures.failed(boom))));
      assertSame(boom, direct);
      assertEquals("boom", direct.getMessage());
      assertSame(cause, direct.getCause());
      assertArrayEquals(new Throwable[] {suppressed}, direct.getSuppressed());
      assertArrayEquals(causeFrames, cause.getStackTrace(), "the cause's trace is not touched");
      // Created here and failed through a plain future: the machines that awaited it are added
      // after a marker, innermost first.
      List<String> frames = allFrames(direct);
      assertEquals(
          List.of(AWAITED, at("waitFor", "waitFor-await"), at("relay", "relay-await")),
          frames.subList(frames.indexOf(AWAITED), frames.size()));

      IOException again = new IOException("again", cause);
      Throwable spawned =
          failure(() -> rt.blockOn(rt.spawn("relay", OrdersAsync.relay(Futures.failed(again)))));
      assertSame(again, spawned);
      assertSame(cause, spawned.getCause());
      assertEquals(0, spawned.getSuppressed().length);
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aStacklessExceptionStaysStackless(Flavor flavor) {
    Exception stackless = new Exception("no trace", null, false, false) {};
    try (AsyncRuntime rt = flavor.build()) {
      assertSame(
          stackless, failure(() -> rt.blockOn(OrdersAsync.relay(Futures.failed(stackless)))));
      assertEquals(0, stackless.getStackTrace().length);
      assertSame(
          stackless,
          failure(() -> rt.blockOn(rt.spawn(OrdersAsync.relay(Futures.failed(stackless))))));
      assertEquals(0, stackless.getStackTrace().length);
    }
  }
}
