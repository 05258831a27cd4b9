/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.time.Sleep;
import dev.asyncfn.runtime.time.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestRuntimeTest {

  /** Sleeps for {@code d} on the runtime's clock, then logs {@code tag} and returns it. */
  private static Future<String> logAfter(String tag, Duration d) {
    return new Future<>() {
      Sleep sleep;

      @Override
      public Poll<String> poll(Context cx) {
        if (sleep == null) {
          sleep = Time.sleep(d);
        }
        if (sleep.poll(cx).isPending()) {
          return Poll.pending();
        }
        Trace.log(tag);
        return Poll.ready(tag);
      }
    };
  }

  @Test
  void anHourOfVirtualTimePassesAtOnce() {
    long realStart = System.nanoTime();
    try (TestRuntime rt = TestRuntime.paused()) {
      TestRuntime.Timed<String> r = rt.blockOnTimed(logAfter("done", Duration.ofHours(1)));
      assertEquals("done", r.value());
      assertTrue(
          r.virtualElapsed().compareTo(Duration.ofHours(1)) >= 0
              && r.virtualElapsed().compareTo(Duration.ofHours(1).plusSeconds(1)) < 0,
          "virtual elapsed " + r.virtualElapsed());
    }
    assertTrue(
        Duration.ofNanos(System.nanoTime() - realStart).compareTo(Duration.ofSeconds(10)) < 0,
        "a paused clock does not sleep for real");
  }

  @Test
  void timersFireInDeadlineOrderDeterministically() {
    Trace.reset();
    try (TestRuntime rt = TestRuntime.paused()) {
      JoinHandle<String> slow = rt.runtime().spawn(logAfter("slow", Duration.ofMillis(30)));
      JoinHandle<String> fast = rt.runtime().spawn(logAfter("fast", Duration.ofMillis(10)));
      assertEquals("main", rt.blockOn(logAfter("main", Duration.ofMillis(20))));
      assertEquals("slow", rt.blockOn(slow));
      assertEquals("fast", rt.blockOn(fast));
    }
    assertEquals(List.of("fast", "main", "slow"), Trace.take());
  }

  @Test
  void failuresPassThroughUnchanged() {
    IOException boom = new IOException("boom");
    try (TestRuntime rt = TestRuntime.paused()) {
      IOException thrown =
          assertThrows(IOException.class, () -> rt.blockOn(TestFutures.laterFail(boom)));
      assertSame(boom, thrown);
    }
  }

  @Test
  void aFutureThatNeverCompletesFailsWithinTheLimit() {
    try (TestRuntime rt = TestRuntime.paused().withRealTimeLimit(Duration.ofMillis(300))) {
      AssertionError e =
          assertThrows(AssertionError.class, () -> rt.blockOn(Futures.<Integer>pending()));
      assertTrue(e.getMessage().contains("did not complete"), e.getMessage());
    }
  }
}
