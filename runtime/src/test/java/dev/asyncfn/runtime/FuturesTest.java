/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.combinator.CountingContext;
import dev.asyncfn.runtime.combinator.Join2;
import dev.asyncfn.runtime.combinator.ManualFuture;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FuturesTest {
  private final CountingContext cx = new CountingContext();

  @Test
  void readyIsReadyAtTheFirstPollAndRejectsASecondPoll() {
    Future<String> f = Futures.ready("v");
    assertEquals("v", f.poll(cx).get());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.poll(cx));
    assertTrue(e.getMessage().contains("polled after it completed"), e.getMessage());
    assertNull(Futures.blockOn(Futures.<Void>ready(null)));
  }

  @Test
  void failedThrowsItsErrorUnchangedEvenWhenChecked() {
    IOException boom = new IOException("boom");
    Future<String> f = Futures.failed(boom);
    assertSame(boom, assertThrows(IOException.class, () -> f.poll(cx)));
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> f.poll(cx));
    assertSame(boom, again.getCause());
    assertSame(boom, assertThrows(IOException.class,
        () -> Futures.blockOn(Futures.failed(boom))));
    assertThrows(NullPointerException.class, () -> Futures.failed(null));
  }

  @Test
  void pendingNeverCompletesAndKeepsNoWaker() {
    Future<String> f = Futures.pending();
    for (int i = 0; i < 3; i++) {
      assertTrue(f.poll(cx).isPending());
    }
    assertSame(f, Futures.<Integer>pending(), "one shared instance");
    assertEquals(0, cx.wakes());
  }

  @Test
  void lazyRunsItsSupplierAtTheFirstPollOnly() {
    AtomicInteger runs = new AtomicInteger();
    Future<Integer> f = Futures.lazy(runs::incrementAndGet);
    assertEquals(0, runs.get(), "nothing runs before the first poll");
    assertEquals(1, f.poll(cx).get());
    assertThrows(IllegalStateException.class, () -> f.poll(cx));
    assertEquals(1, runs.get());

    Future<Integer> cancelled = Futures.lazy(runs::incrementAndGet);
    cancelled.cancel();
    assertThrows(IllegalStateException.class, () -> cancelled.poll(cx));
    assertEquals(1, runs.get(), "a cancelled lazy future never runs its supplier");
  }

  @Test
  void lazyFailsWithWhatTheSupplierThrows() {
    IllegalArgumentException bad = new IllegalArgumentException("bad");
    Future<Integer> f = Futures.lazy(() -> {
      throw bad;
    });
    assertSame(bad, assertThrows(IllegalArgumentException.class, () -> f.poll(cx)));
  }

  @Test
  void pollFnIsAHandWrittenFuture() {
    AtomicInteger polls = new AtomicInteger();
    Future<String> f = Futures.pollFn(c -> {
      if (polls.incrementAndGet() < 3) {
        c.waker().wake();
        return Poll.pending();
      }
      return Poll.ready("third time");
    });
    assertEquals("third time", Futures.blockOn(f));
    assertEquals(3, polls.get());
  }

  @Test
  void mapAppliesItsFunctionOnceTheInnerFutureIsReady() {
    ManualFuture<Integer> inner = new ManualFuture<>("inner");
    Future<String> f = Futures.map(inner, n -> "n=" + n);
    assertTrue(f.poll(cx).isPending());
    inner.complete(4);
    assertEquals(1, cx.wakes());
    assertEquals("n=4", f.poll(cx).get());
    assertThrows(IllegalStateException.class, () -> f.poll(cx));
  }

  @Test
  void mapPassesFailuresThroughAndCancelsItsInnerFuture() {
    IOException boom = new IOException("boom");
    assertSame(boom, assertThrows(IOException.class,
        () -> Futures.map(Futures.<Integer>failed(boom), n -> n + 1).poll(cx)));

    IllegalStateException fromFn = new IllegalStateException("fn");
    assertSame(fromFn, assertThrows(IllegalStateException.class,
        () -> Futures.map(Futures.ready(1), n -> {
          throw fromFn;
        }).poll(cx)));

    ManualFuture<Integer> inner = new ManualFuture<>("inner");
    Future<Integer> f = Futures.map(inner, n -> n);
    f.poll(cx);
    f.cancel();
    f.cancel();
    assertEquals(1, inner.cancels());
  }

  @Test
  void throwingLetsTheCallerCatchTheCheckedFailureOfACombinator() {
    IOException boom = new IOException("boom");
    ManualFuture<String> slow = new ManualFuture<>("slow");
    ThrowingFuture<Join2<String, String>, IOException> pages =
        Futures.throwing(IOException.class, Futures.tryJoin(slow, Futures.failed(boom)));
    IOException caught = null;
    try {
      Futures.await(pages); // declares IOException: this catch would not compile otherwise
    } catch (IOException e) {
      caught = e;
    }
    assertSame(boom, caught);
    assertEquals(1, slow.cancels());

    ManualFuture<String> inner = new ManualFuture<>("inner");
    ThrowingFuture<String, IOException> declared = Futures.throwing(IOException.class, inner);
    assertTrue(declared.poll(cx).isPending());
    declared.cancel();
    assertEquals(1, inner.cancels());
  }

  // CompletionStage bridge

  @Test
  void aCompletedStageIsReadAtTheFirstPollWithoutACallback() {
    CompletableFuture<String> cf = CompletableFuture.completedFuture("done");
    Future<String> f = Futures.fromCompletionStage(cf);
    assertEquals("done", f.poll(cx).get());
    assertEquals(0, cf.getNumberOfDependents());
    assertThrows(IllegalStateException.class, () -> f.poll(cx));
  }

  @Test
  void aPendingStageWakesTheLatestWakerOnceAndRegistersOneCallback() {
    CompletableFuture<String> cf = new CompletableFuture<>();
    Future<String> f = Futures.fromCompletionStage(cf);
    CountingContext earlier = new CountingContext();
    assertTrue(f.poll(earlier).isPending());
    assertTrue(f.poll(earlier).isPending());
    assertTrue(f.poll(cx).isPending());
    assertEquals(1, cf.getNumberOfDependents(), "one callback, not one per poll");

    cf.complete("late");

    assertEquals(1, cx.wakes());
    assertEquals(0, earlier.wakes(), "only the latest poll's waker is woken");
    assertEquals("late", f.poll(cx).get());
  }

  @Test
  void aStageCompletedFromAnotherThreadWakesTheTask() throws Exception {
    CompletableFuture<Integer> cf = new CompletableFuture<>();
    Future<Integer> f = Futures.fromCompletionStage(cf);
    assertTrue(f.poll(cx).isPending());
    Thread t = new Thread(() -> cf.complete(42));
    t.start();
    assertTrue(cx.awaitWakes(1, 10_000));
    t.join();
    assertEquals(42, f.poll(cx).get());
  }

  @Test
  void theStagesFailureArrivesUnwrappedEvenThroughDependentStages() {
    IOException boom = new IOException("boom");
    CompletableFuture<String> cf = new CompletableFuture<>();
    CompletionStage<String> dependent = cf.thenApply(s -> s + "!");
    Future<String> direct = Futures.fromCompletionStage(cf);
    Future<String> viaDependent = Futures.fromCompletionStage(dependent);
    Future<String> alreadyDone = Futures.fromCompletionStage(CompletableFuture.failedFuture(boom));
    assertTrue(direct.poll(cx).isPending());
    assertTrue(viaDependent.poll(cx).isPending());

    cf.completeExceptionally(boom);

    assertSame(boom, assertThrows(IOException.class, () -> direct.poll(cx)));
    assertSame(boom, assertThrows(IOException.class, () -> viaDependent.poll(cx)));
    assertSame(boom, assertThrows(IOException.class, () -> alreadyDone.poll(cx)));
    assertSame(boom, assertThrows(IOException.class, () -> Futures.await(dependent)));
  }

  @Test
  void aCompletedDependentStageThatFailedIsUnwrappedToo() {
    IOException boom = new IOException("boom");
    CompletableFuture<String> dependent =
        CompletableFuture.<String>failedFuture(boom).thenApply(s -> s);
    CompletionException wrapped =
        assertThrows(CompletionException.class, dependent::join, "the stage wraps it");
    assertSame(boom, wrapped.getCause());
    assertSame(boom, assertThrows(IOException.class,
        () -> Futures.fromCompletionStage(dependent).poll(cx)));
  }

  @Test
  void aCancelledStageThrowsCancellationException() {
    CompletableFuture<String> cf = new CompletableFuture<>();
    Future<String> f = Futures.fromCompletionStage(cf);
    f.poll(cx);
    cf.cancel(false);
    assertThrows(CancellationException.class, () -> f.poll(cx));
  }

  @Test
  void aMinimalCompletionStageWorks() {
    CompletableFuture<String> cf = new CompletableFuture<>();
    Future<String> f = Futures.fromCompletionStage(cf.minimalCompletionStage());
    assertTrue(f.poll(cx).isPending());
    cf.complete("minimal");
    assertEquals("minimal", f.poll(cx).get());
  }

  @Test
  void cancellingDropsTheWakerAndLeavesTheStageAlone() {
    CompletableFuture<String> cf = new CompletableFuture<>();
    Future<String> f = Futures.fromCompletionStage(cf);
    f.poll(cx);
    f.cancel();
    cf.complete("nobody listens");
    assertEquals(0, cx.wakes());
    assertFalse(cf.isCancelled());
    assertThrows(IllegalStateException.class, () -> f.poll(cx));
  }

  @Test
  void awaitOfAStageOutsideGeneratedCodeBlocksUntilItCompletes() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      CompletableFuture<String> cf = new CompletableFuture<>();
      Thread t = new Thread(() -> cf.complete("awaited"));
      t.start();
      assertEquals("awaited", Futures.await(cf));
      t.join();
    });
  }
}
