/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.combinator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class JoinTest {
  private final CountingContext cx = new CountingContext();

  @Test
  void joinWaitsForBothAndKeepsArgumentOrder() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<Integer> b = new ManualFuture<>("b");
    Future<Join2<String, Integer>> join = Futures.join(a, b);

    assertTrue(join.poll(cx).isPending());
    b.complete(2);
    assertEquals(1, cx.wakes());
    assertTrue(join.poll(cx).isPending());
    a.complete("one");
    assertEquals(2, cx.wakes());
    Poll<Join2<String, Integer>> p = join.poll(cx);

    assertEquals(new Join2<>("one", 2), p.get());
    assertEquals(2, b.polls(), "b is not polled again once ready");
    assertEquals(3, a.polls());
    assertEquals(0, a.cancels() + b.cancels());
  }

  @Test
  void joinOfReadyFuturesIsReadyAtFirstPoll() {
    assertEquals(
        new Join3<>(1, "2", 3L),
        Futures.join(Futures.ready(1), Futures.ready("2"), Futures.ready(3L)).poll(cx).get());
    assertEquals(
        new Join4<>(1, "2", 3L, null),
        Futures.join(
                Futures.ready(1), Futures.ready("2"), Futures.ready(3L), Futures.<Void>ready(null))
            .poll(cx)
            .get());
    Join5<Integer, Integer, Integer, Integer, Integer> five =
        Futures.join(
                Futures.ready(1), Futures.ready(2), Futures.ready(3), Futures.ready(4),
                Futures.ready(5))
            .poll(cx)
            .get();
    assertEquals(List.of(1, 2, 3, 4, 5),
        List.of(five.first(), five.second(), five.third(), five.fourth(), five.fifth()));
  }

  @Test
  void joinOfFiveWithPendingChildren() {
    List<ManualFuture<Integer>> fs = manual(5);
    Future<Join5<Integer, Integer, Integer, Integer, Integer>> join =
        Futures.join(fs.get(0), fs.get(1), fs.get(2), fs.get(3), fs.get(4));
    for (int i = 4; i >= 0; i--) {
      assertTrue(join.poll(cx).isPending());
      fs.get(i).complete(i * 10);
    }
    assertEquals(new Join5<>(0, 10, 20, 30, 40), join.poll(cx).get());
    assertEquals(5, cx.wakes());
  }

  @Test
  void joinWaitsForTheOthersAfterAFailureAndThenThrowsItUnchanged() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    Future<Join2<String, String>> join = Futures.join(a, b);
    IOException boom = new IOException("boom");

    assertTrue(join.poll(cx).isPending());
    a.fail(boom);
    assertTrue(join.poll(cx).isPending(), "join waits for b");
    assertEquals(0, b.cancels(), "join does not cancel b");
    b.complete("b");

    IOException thrown = assertThrows(IOException.class, () -> join.poll(cx));
    assertSame(boom, thrown);
    assertEquals(0, thrown.getSuppressed().length);
  }

  @Test
  void joinReportsTheFirstFailureWithLaterOnesSuppressed() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    Future<Join2<String, String>> join = Futures.join(a, b);
    IOException first = new IOException("first");
    IllegalStateException second = new IllegalStateException("second");

    assertTrue(join.poll(cx).isPending());
    b.fail(first);
    assertTrue(join.poll(cx).isPending());
    a.fail(second);
    IOException thrown = assertThrows(IOException.class, () -> join.poll(cx));
    assertSame(first, thrown);
    assertArrayEquals(new Throwable[] {second}, thrown.getSuppressed());
  }

  @Test
  void theSameExceptionFailingTwoChildrenIsNotSuppressedInItself() {
    IOException shared = new IOException("shared");
    IOException thrown = assertThrows(IOException.class,
        () -> Futures.join(Futures.failed(shared), Futures.failed(shared)).poll(cx));
    assertSame(shared, thrown);
    assertEquals(0, thrown.getSuppressed().length);
  }

  @Test
  void cancellingAJoinThatIsWaitingAfterAFailureCancelsTheRestAndDropsTheFailure() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    Future<Join2<String, String>> join = Futures.join(a, b);
    join.poll(cx);
    a.fail(new IOException("a"));
    assertTrue(join.poll(cx).isPending());
    join.cancel();
    assertEquals(List.of(0, 1), List.of(a.cancels(), b.cancels()));
  }

  @Test
  void tryJoinFailsAtTheFirstFailureAndCancelsThePendingOnes() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    ManualFuture<String> c = new ManualFuture<>("c");
    Future<Join3<String, String, String>> join = Futures.tryJoin(a, b, c);
    Exception checked = new Exception("checked");

    assertTrue(join.poll(cx).isPending());
    c.complete("c");
    assertTrue(join.poll(cx).isPending(), "takes c's output");
    b.fail(checked);
    Exception thrown = assertThrows(Exception.class, () -> join.poll(cx));

    assertSame(checked, thrown);
    assertEquals(1, a.cancels(), "a was pending: cancelled");
    assertEquals(0, b.cancels(), "b failed: not cancelled");
    assertEquals(0, c.cancels(), "c finished: not cancelled");
    join.cancel();
    assertEquals(1, a.cancels(), "cancelled exactly once");
    assertThrows(IllegalStateException.class, () -> join.poll(cx));
  }

  @Test
  void tryJoinOfTwoFourAndFive() {
    assertEquals(new Join2<>(1, 2),
        Futures.tryJoin(Futures.ready(1), Futures.ready(2)).poll(cx).get());
    assertEquals(new Join4<>(1, 2, 3, 4),
        Futures.tryJoin(Futures.ready(1), Futures.ready(2), Futures.ready(3), Futures.ready(4))
            .poll(cx).get());
    List<ManualFuture<Integer>> fs = manual(5);
    Future<Join5<Integer, Integer, Integer, Integer, Integer>> join =
        Futures.tryJoin(fs.get(0), fs.get(1), fs.get(2), fs.get(3), fs.get(4));
    assertTrue(join.poll(cx).isPending());
    RuntimeException boom = new RuntimeException("boom");
    fs.get(4).fail(boom);
    assertSame(boom, assertThrows(RuntimeException.class, () -> join.poll(cx)));
    for (int i = 0; i < 4; i++) {
      assertEquals(1, fs.get(i).cancels());
    }
  }

  @Test
  void cancellingAJoinCancelsEachPendingChildOnce() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    Future<Join2<String, String>> join = Futures.join(a, b);
    assertTrue(join.poll(cx).isPending());
    a.complete("a");
    assertTrue(join.poll(cx).isPending());

    join.cancel();
    join.cancel();

    assertEquals(0, a.cancels(), "a finished: nothing to cancel");
    assertEquals(1, b.cancels());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> join.poll(cx));
    assertTrue(e.getMessage().contains("cancel"), e.getMessage());
  }

  @Test
  void cancelOfACompletedJoinDoesNothing() {
    ManualFuture<String> a = new ManualFuture<>("a");
    a.complete("a");
    Future<Join2<String, String>> join = Futures.join(a, Futures.ready("b"));
    join.poll(cx);
    join.cancel();
    assertEquals(0, a.cancels());
    assertThrows(IllegalStateException.class, () -> join.poll(cx));
  }

  @Test
  void aThrowingCancelDoesNotStopTheOthersFromBeingCancelled() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    IllegalStateException fromCancel = new IllegalStateException("close failed");
    a.throwOnCancel(fromCancel);
    Future<Join2<String, String>> join = Futures.join(a, b);
    join.poll(cx);

    assertSame(fromCancel, assertThrows(IllegalStateException.class, join::cancel));
    assertEquals(1, b.cancels());
  }

  @Test
  void joinAllKeepsListOrderAndAllowsNulls() {
    List<ManualFuture<String>> fs = manual(3);
    Future<List<String>> all = Futures.joinAll(fs);
    assertTrue(all.poll(cx).isPending());
    fs.get(2).complete("c");
    fs.get(0).complete(null);
    assertTrue(all.poll(cx).isPending());
    fs.get(1).complete("b");
    List<String> out = all.poll(cx).get();

    assertEquals(Arrays.asList(null, "b", "c"), out);
    assertThrows(UnsupportedOperationException.class, () -> out.add("d"));
  }

  @Test
  void joinAllOfNothingIsAnEmptyList() {
    assertEquals(List.of(), Futures.joinAll(List.<Future<String>>of()).poll(cx).get());
    assertEquals(List.of(), Futures.tryJoinAll(List.<Future<String>>of()).poll(cx).get());
  }

  @Test
  void joinAllWaitsForAllButTryJoinAllFailsFast() {
    IOException boom = new IOException("boom");
    List<ManualFuture<String>> fs = manual(3);
    Future<List<String>> all = Futures.joinAll(fs);
    all.poll(cx);
    fs.get(0).fail(boom);
    assertTrue(all.poll(cx).isPending());
    fs.get(1).complete("b");
    fs.get(2).complete("c");
    assertSame(boom, assertThrows(IOException.class, () -> all.poll(cx)));

    List<ManualFuture<String>> gs = manual(3);
    Future<List<String>> tryAll = Futures.tryJoinAll(gs);
    tryAll.poll(cx);
    gs.get(1).fail(boom);
    assertSame(boom, assertThrows(IOException.class, () -> tryAll.poll(cx)));
    assertEquals(List.of(1, 0, 1), List.of(gs.get(0).cancels(), gs.get(1).cancels(),
        gs.get(2).cancels()));
  }

  @Test
  void nullChildIsRejectedWithAMessageSayingWhichOne() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Futures.join(Futures.ready(1), null));
    assertTrue(e.getMessage().contains("Futures.join: future number 2 is null"), e.getMessage());
  }

  @Test
  void aWakeFromAnotherThreadReachesTheTask() throws Exception {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    Future<Join2<String, String>> join = Futures.join(a, b);
    assertTrue(join.poll(cx).isPending());

    Thread t = new Thread(() -> b.complete("from another thread"));
    t.start();
    assertTrue(cx.awaitWakes(1, 10_000));
    t.join();
    assertTrue(join.poll(cx).isPending());
    a.complete("a");
    assertEquals(new Join2<>("a", "from another thread"), join.poll(cx).get());
  }

  @Test
  void noWakeIsLostWhenChildrenCompleteOnOtherThreadsDuringPolls() {
    // blockOn parks between polls: a lost wake-up would hang this test, which the timeout fails.
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int round = 0; round < 2_000; round++) {
        CompletableFuture<Integer> x = new CompletableFuture<>();
        CompletableFuture<Integer> y = new CompletableFuture<>();
        int r = round;
        Thread tx = new Thread(() -> x.complete(r));
        Thread ty = new Thread(() -> y.complete(-r));
        Future<Join2<Integer, Integer>> join =
            Futures.tryJoin(Futures.fromCompletionStage(x), Futures.fromCompletionStage(y));
        tx.start();
        ty.start();
        assertEquals(new Join2<>(r, -r), Futures.blockOn(join));
        tx.join();
        ty.join();
      }
    });
  }

  @Test
  void blockOnAJoinReturnsTheOutputs() {
    assertEquals(new Join2<>("a", null),
        Futures.blockOn(Futures.join(Futures.ready("a"), Futures.<Void>ready(null))));
    assertNull(Futures.blockOn(Futures.joinAll(List.of(Futures.<Void>ready(null)))).get(0));
  }

  private static <T> List<ManualFuture<T>> manual(int n) {
    List<ManualFuture<T>> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fs.add(new ManualFuture<>("f" + i));
    }
    return fs;
  }
}
