/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.sync.Barrier;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * {@link Barrier} of two parties under Lincheck, with three tasks: each waits (arriving at its
 * first poll) and may cancel its wait; rounds follow each other, and exactly one task of each round
 * is its leader.
 */
@Param(name = "task", gen = ThreadIdGen.class)
public class BarrierLincheckTest {
  private final Barrier barrier = new Barrier(2);
  private final Tasks tasks = new Tasks();

  @Operation
  public Object waitFor(@Param(name = "task") int t) {
    return tasks.slot(t).poll(barrier::waitFor);
  }

  @Operation
  public Object cancel(@Param(name = "task") int t) {
    return tasks.slot(t).cancel();
  }

  @Validate
  public void noLostWakeUps() {
    tasks.verify();
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // A waiting party cancels while another arrives: the round still needs two.
        .addCustomScenario(
            Scenario.of(getClass())
                .init("waitFor", 1)
                .thread("cancel", 1)
                .thread("waitFor", 2, "waitFor", 2)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /**
   * A count of arrivals in the current round: the arrival that makes it two completes the round (it
   * is the leader, the one waiting is a follower) and starts the next; a wait cancelled before its
   * round completed takes its arrival back, one cancelled after changes nothing.
   */
  public static final class Spec {
    private static final String LEADER = "WaitResult(leader)";
    private static final String FOLLOWER = "WaitResult(follower)";
    private int arrived;
    private long generation;
    private final List<Waiting> waiting = new ArrayList<>();
    private final Tasks tasks = new Tasks();

    private final class Waiting implements Future<String> {
      boolean arrivedHere;
      long round;

      @Override
      public Poll<String> poll(dev.asyncfn.runtime.Context cx) {
        if (arrivedHere) {
          return generation != round ? Poll.ready(FOLLOWER) : Poll.pending();
        }
        arrivedHere = true;
        if (++arrived < 2) {
          round = generation;
          waiting.add(this);
          return Poll.pending();
        }
        arrived = 0;
        generation++;
        waiting.clear();
        round = -1;
        return Poll.ready(LEADER);
      }

      @Override
      public void cancel() {
        if (arrivedHere && round == generation && waiting.remove(this)) {
          arrived--;
        }
      }
    }

    public Object waitFor(int t) {
      return tasks.slot(t).poll(Waiting::new);
    }

    public Object cancel(int t) {
      return tasks.slot(t).cancel();
    }
  }
}
