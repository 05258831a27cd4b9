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
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SelectTest {
  private final CountingContext cx = new CountingContext();

  @Test
  void theFirstToFinishWinsAndTheLoserIsCancelled() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<Integer> b = new ManualFuture<>("b");
    Future<Selected2<String, Integer>> select = Futures.select(a, b);

    assertTrue(select.poll(cx).isPending());
    b.complete(7);
    assertEquals(1, cx.wakes());
    Selected2<String, Integer> s = select.poll(cx).get();

    assertEquals(1, s.index());
    assertTrue(s.isSecond());
    assertFalse(s.isFirst());
    assertEquals(7, s.second());
    assertEquals(7, s.value());
    assertEquals(1, a.cancels(), "the loser is cancelled once");
    assertEquals(0, b.cancels(), "the winner is not cancelled");
    IllegalStateException e = assertThrows(IllegalStateException.class, s::first);
    assertEquals(
        "select: the second future finished, not the first; check index() or isFirst() before"
            + " reading first()",
        e.getMessage());
    select.cancel();
    assertEquals(1, a.cancels(), "cancel after completion does nothing");
    assertThrows(IllegalStateException.class, () -> select.poll(cx));
  }

  @Test
  void biasedWhenSeveralAreReadyTheEarliestArgumentWinsAndLaterOnesAreNotPolled() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    a.complete("a");
    b.complete("b");

    Selected2<String, String> s = Futures.select(a, b).poll(cx).get();

    assertEquals(Selected2.ofFirst("a"), s);
    assertEquals(0, b.polls());
    assertEquals(1, b.cancels());
  }

  @Test
  void aFailureFirstFailsTheSelectUnchangedAndCancelsTheOthers() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    ManualFuture<String> c = new ManualFuture<>("c");
    Future<Selected3<String, String, String>> select = Futures.select(a, b, c);
    IOException boom = new IOException("boom");

    assertTrue(select.poll(cx).isPending());
    b.fail(boom);
    assertSame(boom, assertThrows(IOException.class, () -> select.poll(cx)));
    assertEquals(List.of(1, 0, 1), List.of(a.cancels(), b.cancels(), c.cancels()));
  }

  @Test
  void selectOfThreeFourAndFiveTellsWhichWon() {
    Selected3<Integer, String, Long> s3 =
        Futures.select(Futures.<Integer>pending(), Futures.<String>pending(), Futures.ready(3L))
            .poll(cx)
            .get();
    assertTrue(s3.isThird());
    assertEquals(3L, s3.third());
    assertEquals("Selected3[third=3]", s3.toString());

    Selected4<Integer, String, Long, Double> s4 =
        Futures.select(
                Futures.<Integer>pending(),
                Futures.<String>pending(),
                Futures.<Long>pending(),
                Futures.ready(4.0))
            .poll(cx)
            .get();
    assertTrue(s4.isFourth());
    assertEquals(4.0, s4.fourth());
    assertEquals(3, s4.index());

    ManualFuture<Boolean> e = new ManualFuture<>("e");
    Future<Selected5<Integer, String, Long, Double, Boolean>> select5 =
        Futures.select(
            Futures.<Integer>pending(),
            Futures.<String>pending(),
            Futures.<Long>pending(),
            Futures.<Double>pending(),
            e);
    assertTrue(select5.poll(cx).isPending());
    e.complete(true);
    Selected5<Integer, String, Long, Double, Boolean> s5 = select5.poll(cx).get();
    assertTrue(s5.isFifth());
    assertTrue(s5.fifth());
    assertEquals("fifth: true", s5.fold(
        x -> "first", x -> "second", x -> "third", x -> "fourth", x -> "fifth: " + x));
  }

  @Test
  void selectedValuesCompareByArityIndexAndValue() {
    assertEquals(Selected2.ofFirst("a"), Selected2.ofFirst("a"));
    assertEquals(Selected2.ofFirst("a").hashCode(), Selected2.ofFirst("a").hashCode());
    assertFalse(Selected2.ofFirst("a").equals(Selected2.ofSecond("a")));
    assertFalse(Selected2.ofFirst("a").equals(Selected3.ofFirst("a")));
    assertEquals("Selected2[second=null]", Selected2.ofSecond(null).toString());
  }

  @Test
  void foldRunsTheWinnersFunction() {
    Selected2<String, Void> timedOut = Selected2.ofSecond(null);
    assertEquals("Request timed out!", timedOut.fold(body -> body, t -> "Request timed out!"));
    assertEquals("body", Selected2.<String, Void>ofFirst("body").fold(b -> b, t -> "timeout"));
  }

  @Test
  void cancellingASelectCancelsEveryChildOnce() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    Future<Selected2<String, String>> select = Futures.select(a, b);
    select.poll(cx);
    select.cancel();
    select.cancel();
    assertEquals(List.of(1, 1), List.of(a.cancels(), b.cancels()));
    assertThrows(IllegalStateException.class, () -> select.poll(cx));
  }

  @Test
  void aLoserWhoseCancelThrowsFailsTheSelectAndTheOtherLosersAreStillCancelled() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    ManualFuture<String> c = new ManualFuture<>("c");
    IllegalStateException closeFailed = new IllegalStateException("close failed");
    a.throwOnCancel(closeFailed);
    b.complete("b");

    assertSame(closeFailed,
        assertThrows(IllegalStateException.class, () -> Futures.select(a, b, c).poll(cx)));
    assertEquals(1, c.cancels());
  }

  @Test
  void raceGivesTheFirstValueAndCancelsTheRest() {
    ManualFuture<Integer> a = new ManualFuture<>("a");
    ManualFuture<Long> b = new ManualFuture<>("b");
    ManualFuture<Integer> c = new ManualFuture<>("c");
    Future<Number> race = Futures.race(a, b, c);

    assertTrue(race.poll(cx).isPending());
    b.complete(2L);
    assertEquals(2L, race.poll(cx).get());
    assertEquals(List.of(1, 0, 1), List.of(a.cancels(), b.cancels(), c.cancels()));
  }

  @Test
  void raceOfAListAndAFailingWinner() {
    ManualFuture<String> a = new ManualFuture<>("a");
    ManualFuture<String> b = new ManualFuture<>("b");
    Future<String> race = Futures.race(List.of(a, b));
    assertTrue(race.poll(cx).isPending());
    Exception checked = new Exception("first to finish, failing");
    a.fail(checked);
    assertSame(checked, assertThrows(Exception.class, () -> race.poll(cx)));
    assertEquals(1, b.cancels());
  }

  @Test
  void raceOfNothingIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Futures.race(List.<Future<String>>of()));
    assertTrue(e.getMessage().contains("at least one future"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Futures.<String>race());
  }

  @Test
  void selectAgainstATimerFromAnotherThread() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int round = 0; round < 500; round++) {
        CompletableFuture<String> response = new CompletableFuture<>();
        CompletableFuture<Void> timer = new CompletableFuture<>();
        boolean responseFirst = round % 2 == 0;
        Thread t = new Thread(() -> {
          if (responseFirst) {
            response.complete("ok");
          } else {
            timer.complete(null);
          }
        });
        t.start();
        Selected2<String, Void> s = Futures.blockOn(Futures.select(
            Futures.fromCompletionStage(response), Futures.fromCompletionStage(timer)));
        assertEquals(responseFirst, s.isFirst());
        t.join();
      }
    });
  }
}
