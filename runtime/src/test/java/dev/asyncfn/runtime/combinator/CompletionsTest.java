/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompletionsTest {
  private final CountingContext cx = new CountingContext();

  @Test
  void outputsComeInTheOrderTheFuturesFinish() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    ManualFuture<String> c = new ManualFuture<>("c");
    Completions<String> set = Futures.unordered(List.of(a, b, c));
    assertEquals(3, set.size());

    Future<String> next = set.next();
    assertTrue(next.poll(cx).isPending());
    c.complete("c");
    assertEquals(1, cx.wakes());
    assertEquals("c", next.poll(cx).get());
    assertEquals(2, set.size());

    a.complete("a");
    b.complete("b");
    assertEquals("a", set.next().poll(cx).get());
    assertEquals("b", set.next().poll(cx).get());
    assertTrue(set.isEmpty());
    assertEquals(0, a.cancels() + b.cancels() + c.cancels(), "nothing is dropped");
  }

  @Test
  void nextOnAnEmptySetFailsWithAMessage() {
    Completions<String> set = new Completions<>();
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> set.next().poll(cx));
    assertTrue(e.getMessage().contains("check isEmpty()"), e.getMessage());
  }

  @Test
  void aFailedFutureIsRemovedAndTheOthersStay() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    Completions<String> set = Futures.unordered(List.of(a, b));
    IOException boom = new IOException("boom");
    b.fail(boom);

    assertSame(boom, assertThrows(IOException.class, () -> set.next().poll(cx)));
    assertEquals(1, set.size());
    a.complete("a");
    assertEquals("a", set.next().poll(cx).get());
    assertEquals(0, a.cancels());
  }

  @Test
  void nextIsCancelSafeLosingASelectLosesNoOutput() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<Void> timer = new ManualFuture<>("timer");
    Completions<String> set = Futures.unordered(List.of(a));

    Future<Selected2<Void, String>> select = Futures.select(timer, set.next());
    assertTrue(select.poll(cx).isPending());
    assertTrue(a.hasWaker(), "next() polled a: it is waiting");
    timer.complete(null);
    a.complete("kept");
    assertTrue(select.poll(cx).get().isFirst(), "biased: the timer, first, wins the tie");

    assertEquals(0, a.cancels(), "losing a select does not cancel the set's futures");
    assertEquals(1, set.size());
    assertEquals("kept", set.next().poll(cx).get());
  }

  @Test
  void aNextThatLostASelectLeavesTheFutureInTheSet() {
    ManualFuture<String> a = new ManualFuture<>("a");
    Completions<String> set = Futures.unordered(List.of(a));

    Selected2<Void, String> s =
        Futures.select(Futures.<Void>ready(null), set.next()).poll(cx).get();

    assertTrue(s.isFirst());
    assertEquals(0, a.cancels());
    assertEquals(1, set.size());
    a.complete("later");
    assertEquals("later", set.next().poll(cx).get());
  }

  @Test
  void closeCancelsWhatIsLeftOnceAndAddAfterCloseFails() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    a.complete("a");
    Completions<String> set = new Completions<>();
    set.add(a);
    set.add(b);
    assertEquals("a", set.next().poll(cx).get());

    set.close();
    set.close();

    assertEquals(0, a.cancels());
    assertEquals(1, b.cancels());
    assertTrue(set.isEmpty());
    assertThrows(IllegalStateException.class, () -> set.add(Futures.ready("c")));
    assertThrows(NoSuchElementException.class, () -> set.next().poll(cx));
  }

  @Test
  void nextFuturePolledAfterItCompletedFails() {
    Completions<String> set = Futures.unordered(List.of(Futures.ready("a")));
    Future<String> next = set.next();
    next.poll(cx);
    assertThrows(IllegalStateException.class, () -> next.poll(cx));
  }

  @Test
  void collectingRequestsAsTheyCompleteOnOtherThreads() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int round = 0; round < 300; round++) {
        List<CompletableFuture<Integer>> stages = new ArrayList<>();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          CompletableFuture<Integer> cf = new CompletableFuture<>();
          stages.add(cf);
          futures.add(Futures.fromCompletionStage(cf));
        }
        Thread t = new Thread(() -> {
          for (int i = stages.size() - 1; i >= 0; i--) {
            stages.get(i).complete(i);
          }
        });
        t.start();
        Set<Integer> seen = new HashSet<>();
        try (Completions<Integer> set = Futures.unordered(futures)) {
          while (!set.isEmpty()) {
            seen.add(Futures.blockOn(set.next()));
          }
        }
        assertEquals(Set.of(0, 1, 2, 3), seen);
        t.join();
      }
    });
  }

  @Test
  void addingWhileWaiting() {
    Completions<Integer> set = new Completions<>();
    ManualFuture<Integer> a = new ManualFuture<>("a");
    set.add(a);
    Future<Integer> next = set.next();
    assertTrue(next.poll(cx).isPending());
    set.add(Futures.ready(2));
    assertEquals(2, next.poll(cx).get());
    assertFalse(set.isEmpty());
  }

  @Test
  void onlyTheFuturesThatWokeArePolledAgain() {
    List<ManualFuture<Integer>> fs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      fs.add(new ManualFuture<>("f" + i));
    }
    Completions<Integer> set = Futures.unordered(fs);
    Future<Integer> next = set.next();
    assertTrue(next.poll(cx).isPending());
    assertTrue(next.poll(cx).isPending(), "a spurious poll polls nothing");
    fs.get(57).complete(57);
    assertEquals(1, cx.wakes());
    assertEquals(57, next.poll(cx).get());

    for (int i = 0; i < fs.size(); i++) {
      assertEquals(i == 57 ? 2 : 1, fs.get(i).polls(), "polls of f" + i);
    }
  }

  @Test
  void aFutureThatKeepsWakingItselfDoesNotHoldThePollOrStarveTheOthers() {
    AtomicInteger yields = new AtomicInteger();
    Future<String> busy = Futures.pollFn(c -> {
      yields.incrementAndGet();
      c.waker().wake(); // yield: "poll me again"
      return Poll.pending();
    });
    ManualFuture<String> quiet = new ManualFuture<>("quiet");
    Completions<String> set = Futures.unordered(List.of(busy, quiet));
    Future<String> next = set.next();

    assertTrue(next.poll(cx).isPending());
    assertEquals(1, yields.get(), "polled once per poll, not in a loop");
    assertEquals(1, cx.wakes(), "the task is woken to come back for it");
    quiet.complete("quiet");
    assertEquals("quiet", next.poll(cx).get());
    assertEquals(2, yields.get());
  }

  @Test
  void eachFutureIsPolledWithItsOwnWakerWhichWakesTheLatestTask() throws Exception {
    ManualFuture<String> a = new ManualFuture<>("a");
    Completions<String> set = Futures.unordered(List.of(a));
    CountingContext first = new CountingContext();
    Future<String> lost = set.next();
    assertTrue(lost.poll(first).isPending());
    lost.cancel();

    Future<String> next = set.next();
    assertTrue(next.poll(cx).isPending());
    Thread t = new Thread(() -> a.complete("from another thread"));
    t.start();
    assertTrue(cx.awaitWakes(1, 10_000));
    t.join();
    assertEquals(0, first.wakes(), "the earlier task's waker was replaced");
    assertEquals("from another thread", next.poll(cx).get());
  }

  @Test
  void manyFuturesCompletedFromManyThreadsAreAllCollected() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      int n = 1_000;
      List<CompletableFuture<Integer>> stages = new ArrayList<>();
      Completions<Integer> set = new Completions<>();
      for (int i = 0; i < n; i++) {
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        stages.add(cf);
        set.add(Futures.fromCompletionStage(cf));
      }
      Thread[] threads = new Thread[4];
      for (int k = 0; k < threads.length; k++) {
        int first = k;
        threads[k] = new Thread(() -> {
          for (int i = first; i < n; i += threads.length) {
            stages.get(i).complete(i);
          }
        });
        threads[k].start();
      }
      long sum = 0;
      while (!set.isEmpty()) {
        sum += Futures.blockOn(set.next());
      }
      for (Thread t : threads) {
        t.join();
      }
      assertEquals((long) n * (n - 1) / 2, sum);
    });
  }
}
