/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestFuturesTest {

  @AfterEach
  void restoreMode() {
    TestFutures.setMode(TestFutures.Mode.PENDING_FIRST);
    TestFutures.resetPendings();
  }

  @Test
  void laterIsPendingOnceWithAWakeThenReady() {
    WakeCountingContext cx = new WakeCountingContext();
    TestFutures.resetPendings();
    Future<String> f = TestFutures.later("x");
    assertTrue(f.poll(cx).isPending());
    assertEquals(1, cx.wakes(), "pending must wake the waker");
    assertEquals(1, TestFutures.pendings());
    assertEquals(Poll.ready("x"), f.poll(cx));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.poll(cx));
    assertTrue(e.getMessage().contains("polled again after it completed"), e.getMessage());
  }

  @Test
  void readyModeMakesLaterReadyAtOnce() throws Exception {
    WakeCountingContext cx = new WakeCountingContext();
    Future<Integer> f = TestFutures.withMode(TestFutures.Mode.READY, () -> TestFutures.later(7));
    assertEquals(Poll.ready(7), f.poll(cx));
    assertEquals(0, cx.wakes());
    assertEquals(0, TestFutures.pendings());
    assertEquals(TestFutures.Mode.PENDING_FIRST, TestFutures.mode(), "withMode restores");
  }

  @Test
  void laterFailThrowsTheSameExceptionAfterOnePending() {
    WakeCountingContext cx = new WakeCountingContext();
    IOException boom = new IOException("boom");
    Future<Object> f = TestFutures.laterFail(boom);
    assertTrue(f.poll(cx).isPending());
    assertEquals(1, cx.wakes());
    IOException thrown = assertThrows(IOException.class, () -> f.poll(cx));
    assertSame(boom, thrown, "the failure is not wrapped");
    assertThrows(IllegalStateException.class, () -> f.poll(cx));
  }

  @Test
  void blockOnAndBlockingAwaitCompleteLaterFutures() throws Exception {
    assertEquals("a", Futures.blockOn(TestFutures.later("a")));
    assertEquals("b", Futures.await(TestFutures.laterIo("b")));
    IOException boom = new IOException("io");
    IOException thrown =
        assertThrows(
            IOException.class,
            () -> Futures.await(TestFutures.<String, IOException>laterThrow(boom)));
    assertSame(boom, thrown);
  }

  @Test
  void readyAndFailedCompleteAtTheFirstPollInEveryMode() {
    WakeCountingContext cx = new WakeCountingContext();
    assertEquals(Poll.ready(1), TestFutures.ready(1).poll(cx));
    RuntimeException boom = new IllegalArgumentException("bad");
    Future<Object> failed = TestFutures.failed(boom);
    assertSame(boom, assertThrows(IllegalArgumentException.class, () -> failed.poll(cx)));
    assertEquals(0, cx.wakes());
  }

  @Test
  void modeIsPerThread() throws Exception {
    TestFutures.setMode(TestFutures.Mode.READY);
    TestFutures.Mode[] seen = new TestFutures.Mode[1];
    Thread t = new Thread(() -> seen[0] = TestFutures.mode());
    t.start();
    t.join(10_000);
    assertEquals(TestFutures.Mode.PENDING_FIRST, seen[0]);
  }
}
