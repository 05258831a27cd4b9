/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import static dev.asyncfn.runtime.Futures.async;
import static dev.asyncfn.runtime.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.combinator.CountingContext;
import dev.asyncfn.runtime.sync.Oneshot;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code Futures.async(block)} where the processor did not lower it (plain code, the synchronous
 * twin): the lambda runs at the first poll, as written, and never on a thread that drives tasks.
 */
class AsyncBlockTwinTest {
  private final CountingContext cx = new CountingContext();

  @Test
  void theBlockRunsAtTheFirstPollOnlyAndNeverOnceCancelled() {
    AtomicInteger runs = new AtomicInteger();
    ThrowingFuture<Integer, RuntimeException> f = async(() -> runs.incrementAndGet() * 10);
    assertEquals(0, runs.get(), "creating the block runs nothing");
    assertEquals(10, f.poll(cx).get());
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> f.poll(cx));
    assertTrue(again.getMessage().contains("await it once"), again.getMessage());

    ThrowingFuture<Integer, RuntimeException> dropped = async(() -> runs.incrementAndGet());
    dropped.cancel();
    assertThrows(IllegalStateException.class, () -> dropped.poll(cx));
    assertEquals(1, runs.get(), "a block cancelled before its first poll never runs");
  }

  @Test
  void aCheckedFailureComesOutAsItIs() {
    IOException no = new IOException("no");
    ThrowingFuture<String, IOException> f =
        async(
            () -> {
              if (no != null) {
                throw no;
              }
              return "yes";
            });
    assertSame(no, assertThrows(IOException.class, () -> Futures.blockOn(f)));
  }

  @Test
  void aBlockWithoutValueCompletesWithNull() {
    AtomicInteger runs = new AtomicInteger();
    assertNull(Futures.blockOn(async(() -> {
      runs.incrementAndGet();
    })));
    assertEquals(1, runs.get());
  }

  /**
   * On a current-thread runtime the thread of blockOn drives every task: a block whose awaits
   * blocked it would wait forever for a value only another task sends.
   */
  @Test
  void onAThreadThatDrivesTasksTheBlockRunsOnTheBlockingPool() throws Exception {
    AtomicReference<Thread> driver = new AtomicReference<>();
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    Oneshot.Channel<Integer> ch = Oneshot.channel();
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().build()) {
      int out =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () ->
                  rt.blockOn(
                      Futures.pollFn(
                          new Function<Context, Poll<Integer>>() {
                            JoinHandle<Integer> h;

                            @Override
                            public Poll<Integer> apply(Context c) {
                              if (h == null) {
                                driver.set(Thread.currentThread());
                                h =
                                    Tasks.spawn(
                                        async(
                                            () -> {
                                              ranOn.set(Thread.currentThread());
                                              return await(ch.receiver()) + 1;
                                            }));
                                Tasks.spawn(Futures.lazy(() -> ch.sender().send(41)));
                              }
                              return h.poll(c);
                            }
                          })));
      assertEquals(42, out);
    }
    assertNotSame(driver.get(), ranOn.get(), "the block ran on the thread that drives the tasks");
  }
}
