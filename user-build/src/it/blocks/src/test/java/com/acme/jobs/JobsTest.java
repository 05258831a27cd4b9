/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncfn.runtime.Futures;
import dev.asyncfn.userbuild.Twins;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The block-shaped methods against their synchronous twins where a twin has the same meaning, and
 * against the outcome Rust's async blocks give where it cannot (a dropped block, a generator: a
 * blocking twin runs a block to its end when polled, and would wait forever in a generator's
 * emit).
 */
class JobsTest {
  @Test
  void aBlockIsLazy() {
    Twins.check("lazy", Jobs::new, Jobs::lazy, JobsAsync::lazy, Jobs::log)
        .assertReturned(2)
        .assertTrace(List.of("block made", "block ran", "block worked"));
  }

  /** Rust: {@code tokio::spawn} needs a runtime; so does {@code Tasks.spawn} (no plain twin). */
  @Test
  void spawnedBlocksComeBackInTheOrderAwaited() {
    Jobs j = new Jobs();
    List<String> ids = List.of("a", "bb", "ccc");
    assertEquals(List.of("a=1", "bb=2", "ccc=3"), Futures.blockOn(JobsAsync.fanOut(j, ids)));
    assertEquals(3, j.log().size());
  }

  @Test
  void asyncClosuresRunOncePerCall() {
    List<Integer> xs = List.of(1, 2, 3);
    Twins.check(
            "closures", Jobs::new, j -> j.closures(xs), j -> JobsAsync.closures(j, xs), Jobs::log)
        .assertReturned(14 * 100 + 3);
  }

  @Test
  void aCheckedFailureInsideABlockIsCaughtAroundItsAwait() {
    for (boolean fail : new boolean[] {true, false}) {
      Twins.check(
              "checkedFailure(" + fail + ")",
              Jobs::new,
              j -> j.checkedFailure(fail),
              j -> JobsAsync.checkedFailure(j, fail),
              Jobs::log)
          .assertReturned(fail ? "failed: disk gone" : "data");
    }
  }

  /** Rust: the loser of {@code select!} is dropped before {@code select!} returns. */
  @Test
  void theLoserOfASelectIsDroppedAndItsFinallyRuns() {
    Jobs j = new Jobs();
    assertEquals("fast 1", Futures.blockOn(JobsAsync.dropTheLoser(j)));
    assertEquals(List.of("fast worked", "slow dropped", "selected"), j.log());
  }

  /** Rust's async-stream: one value per request, and dropping the stream runs the generator's drop. */
  @Test
  void aGeneratorRunsOnDemandAndStopsWhenTheLoopBreaks() {
    Jobs j = new Jobs();
    assertEquals(List.of(1, 4, 9), Futures.blockOn(JobsAsync.squaresUntil(j, 10, 10)));
    assertEquals(
        List.of("yield 1", "yield 2", "yield 3", "yield 4", "generator finally", "consumer done"),
        j.log());
  }

  @Test
  void aGeneratorThatEndsRunsItsFinallyOnce() {
    Jobs j = new Jobs();
    assertEquals(List.of(1, 4), Futures.blockOn(JobsAsync.squaresUntil(j, 2, 100)));
    assertEquals(List.of("yield 1", "yield 2", "generator finally", "consumer done"), j.log());
  }
}
