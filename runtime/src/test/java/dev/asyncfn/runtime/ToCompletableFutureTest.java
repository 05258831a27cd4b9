/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Futures#toCompletableFuture}: the way back to CompletionStage APIs. */
class ToCompletableFutureTest {

  @Test
  void outsideARuntimeTheDefaultRuntimeDrivesTheFuture() throws Exception {
    CompletableFuture<String> cf = Futures.toCompletableFuture(Futures.lazy(() -> "value"));
    assertEquals("value", cf.get(10, TimeUnit.SECONDS));
  }

  @Test
  void insideARuntimeTheTaskRunsOnThatRuntime() throws Exception {
    try (AsyncRuntime runtime = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
      CompletableFuture<RuntimeHandle> ran =
          runtime.blockOn(
              Futures.lazy(
                  () -> Futures.toCompletableFuture(Futures.lazy(RuntimeHandle::current))));
      assertEquals(runtime.handle(), ran.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aFailureCompletesExceptionallyWithTheSameException() {
    IOException boom = new IOException("boom");
    CompletableFuture<Object> cf = Futures.toCompletableFuture(Futures.failed(boom));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> cf.get(10, TimeUnit.SECONDS));
    assertSame(boom, e.getCause());
  }

  @Test
  void roundTripThroughAwaitOfTheStage() {
    CompletableFuture<Integer> cf = Futures.toCompletableFuture(Futures.lazy(() -> 41));
    Future<Integer> plusOne = Futures.map(Futures.fromCompletionStage(cf), v -> v + 1);
    assertEquals(Integer.valueOf(42), Futures.blockOn(plusOne));
  }
}
