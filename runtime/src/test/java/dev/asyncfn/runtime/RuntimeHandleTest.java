/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime a thread runs under ({@link RuntimeHandle#current()}), what its handle may do, and
 * the threads that may block on a runtime.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RuntimeHandleTest {

  @Test
  void spawnOutsideARuntimeSaysWhatToDo() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Tasks.spawn(Futures.ready(1)));
    assertTrue(e.getMessage().startsWith(
        "spawn() called outside a runtime: run the code under AsyncRuntime.blockOn"),
        e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> Tasks.spawnBlocking(() -> 1));
    assertTrue(e.getMessage().startsWith("spawnBlocking() called outside a runtime"));
    e = assertThrows(IllegalStateException.class, RuntimeHandle::current);
    assertTrue(e.getMessage().startsWith("RuntimeHandle.current() called outside a runtime"));
    assertTrue(RuntimeHandle.tryCurrent().isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void currentIsTheRuntimeInBlockOnAndInTasks(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      assertEquals(rt.handle(), rt.blockOn(cx -> Poll.ready(RuntimeHandle.current())));
      assertEquals(rt.handle(), rt.blockOn(rt.spawn(cx -> Poll.ready(RuntimeHandle.current()))));
      assertEquals(rt.handle(), rt.blockOn(rt.spawnBlocking(RuntimeHandle::current)));
      assertTrue(RuntimeHandle.tryCurrent().isEmpty(), "blockOn restores the outside context");
    }
  }

  @Test
  void theHandleATaskReachesCannotShutTheRuntimeDown() {
    assertFalse(AutoCloseable.class.isAssignableFrom(RuntimeHandle.class));
    for (Method m : RuntimeHandle.class.getMethods()) {
      assertFalse(m.getName().equals("shutdown") || m.getName().equals("close"), m.toString());
      assertNotEquals(AsyncRuntime.class, m.getReturnType(), m.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void aHandleSpawnsAndBlocksOnItsRuntimeFromAnotherThread(Flavor flavor) throws Exception {
    try (AsyncRuntime rt = flavor.build()) {
      RuntimeHandle handle = rt.blockOn(cx -> Poll.ready(RuntimeHandle.current()));
      AtomicReference<Object> seen = new AtomicReference<>();
      Thread outside = new Thread(() -> {
        JoinHandle<RuntimeHandle> task = handle.spawn(cx -> Poll.ready(RuntimeHandle.current()));
        JoinHandle<RuntimeHandle> job = handle.spawnBlocking(RuntimeHandle::current);
        seen.set(List.of(handle.blockOn(task), handle.blockOn(job)));
      });
      outside.start();
      outside.join(10_000);
      assertEquals(List.of(rt.handle(), rt.handle()), seen.get());
      assertEquals(0, handle.liveTaskCount());
      JoinHandle<Object> nested = rt.spawn(cx -> Poll.ready(handle.blockOn(Futures.ready(1))));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.blockOn(nested));
      assertTrue(e.getMessage().startsWith("blockOn() called on a thread that is driving"));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void tasksSpawnedFromATaskRunOnTheSameRuntime(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<List<Integer>> outer = rt.spawn(Await.spawnAll(() -> {
        List<JoinHandle<Integer>> hs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          int v = i;
          hs.add(Tasks.spawn(cx -> Poll.ready(v)));
        }
        return hs;
      }));
      List<Integer> out = rt.blockOn(outer);
      assertEquals(100, out.size());
      assertEquals(99, out.get(99));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void blockingAwaitOnAWorkerThreadIsRefused(Flavor flavor) {
    try (AsyncRuntime rt = flavor.build()) {
      JoinHandle<Object> h = rt.spawn(cx -> Poll.ready(Futures.await(Futures.ready(1))));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.blockOn(h));
      assertEquals("await() outside an @Async method would block a runtime worker thread: call it"
          + " from an @Async method, or move blocking work to spawnBlocking", e.getMessage());
      JoinHandle<Object> h2 = rt.spawn(cx -> Poll.ready(Futures.blockOn(Futures.ready(1))));
      e = assertThrows(IllegalStateException.class, () -> rt.blockOn(h2));
      assertTrue(e.getMessage().startsWith("blockOn() called on a thread that is driving"));
      JoinHandle<Object> h3 = rt.spawn(cx -> Poll.ready(rt.blockOn(Futures.ready(1))));
      assertThrows(IllegalStateException.class, () -> rt.blockOn(h3));
    }
  }

  @Test
  void blockingAwaitIsFineOnABlockingPoolThread() {
    try (AsyncRuntime rt = Flavor.MULTI_THREAD.build()) {
      JoinHandle<Integer> inner = rt.spawn(Futures.ready(3));
      assertEquals(3, rt.blockOn(rt.spawnBlocking(() -> Futures.await(inner))));
    }
  }

  @Test
  void futuresBlockOnOutsideARuntimeUsesTheDefaultRuntime() {
    RuntimeHandle seen = Futures.blockOn(Await.inside(() -> Tasks.spawn(
        cx -> Poll.ready(RuntimeHandle.current()))));
    assertEquals(BlockOn.defaultRuntime().handle(), seen);
    assertEquals(seen, Futures.blockOn(cx -> Poll.ready(RuntimeHandle.current())));
    assertTrue(RuntimeHandle.tryCurrent().isEmpty());
    AtomicReference<String> name = new AtomicReference<>();
    Futures.blockOn(Await.inside(() -> Tasks.spawn(cx -> {
      name.set(Thread.currentThread().getName());
      return Poll.ready(null);
    })));
    assertTrue(name.get().startsWith("asyncfn-default-worker-"), name.get());
    assertTrue(Thread.currentThread() != null);
  }

  @Test
  void blockOnOfAMultiThreadRuntimeMayNestABlockingAwait() {
    try (AsyncRuntime rt = Flavor.MULTI_THREAD.build()) {
      // The thread inside a multi-thread blockOn does not drive tasks, so the twin may block.
      Future<Integer> main = cx -> Poll.ready(Futures.await(rt.spawn(Futures.ready(9))));
      assertEquals(9, rt.blockOn(main));
    }
  }

  @Test
  void aCurrentThreadRuntimeIsDrivenByOneThreadAtATime() throws Exception {
    try (AsyncRuntime rt = Flavor.CURRENT_THREAD.build()) {
      java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
      Gate<String> gate = new Gate<>();
      Thread driver = new Thread(() -> rt.blockOn(new Future<String>() {
        @Override
        public Poll<String> poll(Context cx) {
          inside.countDown();
          return gate.poll(cx);
        }
      }));
      driver.start();
      assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> rt.blockOn(Futures.ready(1)));
      assertTrue(e.getMessage().contains("another thread is already driving"));
      gate.complete("x");
      driver.join(10_000);
      assertFalse(driver.isAlive());
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void yieldNowLetsOtherTasksRunFirst(Flavor flavor) {
    if (flavor == Flavor.MULTI_THREAD) {
      return; // interleaving order is only deterministic on one thread
    }
    try (AsyncRuntime rt = flavor.build()) {
      List<String> trace = java.util.Collections.synchronizedList(new ArrayList<>());
      rt.blockOn(Await.spawnAll(() -> List.of(
          rt.spawn(yielding("a", trace)), rt.spawn(yielding("b", trace)))));
      assertEquals(List.of("a1", "b1", "a2", "b2"), trace);
    }
  }

  private static Future<Void> yielding(String name, List<String> trace) {
    return new Future<>() {
      private Future<Void> yield;

      @Override
      public Poll<Void> poll(Context cx) {
        if (yield == null) {
          trace.add(name + "1");
          yield = Tasks.yieldNow();
        }
        if (yield.poll(cx).isPending()) {
          return Poll.pending();
        }
        trace.add(name + "2");
        return Poll.ready(null);
      }
    };
  }

  @Test
  void shutdownFromAWorkerIsRefused() {
    AsyncRuntime rt = Flavor.MULTI_THREAD.build();
    try {
      JoinHandle<Object> h = rt.spawn(cx -> {
        rt.shutdown();
        return Poll.ready(null);
      });
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.blockOn(h));
      assertTrue(e.getMessage().contains("its own worker threads"), e.getMessage());
    } finally {
      rt.shutdown();
    }
  }

  @Test
  void runtimesAreIndependent() {
    try (AsyncRuntime a = Flavor.MULTI_THREAD.build();
        AsyncRuntime b = Flavor.CURRENT_THREAD.build()) {
      assertNotSame(a, b);
      assertNotEquals(a.handle(), b.handle());
      assertEquals(b.handle(),
          a.blockOn(cx -> Poll.ready(b.blockOn(cx2 -> Poll.ready(RuntimeHandle.current())))));
    }
  }

  @ParameterizedTest
  @EnumSource(Flavor.class)
  void anInterruptedCallerStillWaitsAndKeepsItsInterruptStatus(Flavor flavor) throws Exception {
    try (AsyncRuntime rt = flavor.build()) {
      Gate<String> gate = new Gate<>();
      Thread completer = new Thread(() -> {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
        gate.complete("late");
      });
      completer.start();
      Thread.currentThread().interrupt();
      long cpuBefore = java.lang.management.ManagementFactory.getThreadMXBean()
          .getCurrentThreadCpuTime();
      try {
        assertEquals("late", rt.blockOn(gate));
        assertTrue(Thread.currentThread().isInterrupted(), "interrupt status is kept");
      } finally {
        Thread.interrupted();
      }
      long cpu = java.lang.management.ManagementFactory.getThreadMXBean()
          .getCurrentThreadCpuTime() - cpuBefore;
      assertTrue(cpu < 80_000_000L, "the wait must park, not spin: " + cpu + " ns of CPU");
      completer.join();
    }
  }
}
