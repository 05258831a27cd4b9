/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.sync.ChannelClosedException;
import dev.asyncfn.runtime.sync.Watch;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * {@link Watch} under Lincheck: two sender handles used from any thread (send, close, borrow),
 * against two receiving tasks that wait for a change (cancel-safe), cancel that wait, read and mark
 * seen, and ask whether something new was sent.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:3")
@Param(name = "handle", gen = IntGen.class, conf = "0:1")
public class WatchLincheckTest {
  private final Watch.Channel<Integer> ch = Watch.channel(0);
  private final Watch.Sender<Integer>[] senders = handles(ch.sender());
  private final Receiving a = new Receiving(ch.receiver());
  private final Receiving b = new Receiving(ch.receiver().clone());

  @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
  private static Watch.Sender<Integer>[] handles(Watch.Sender<Integer> first) {
    return new Watch.Sender[] {first, first.clone()};
  }

  private static final class Receiving {
    final Watch.Receiver<Integer> receiver;
    final TestTask task = new TestTask();
    final Slot slot = new Slot(task);

    Receiving(Watch.Receiver<Integer> receiver) {
      this.receiver = receiver;
    }

    void verify() {
      slot.verify();
      task.verify();
    }
  }

  @Operation
  public Object send(@Param(name = "handle") int h, @Param(name = "value") int v) {
    return Slot.call(
        () -> {
          senders[h].send(v);
          return "sent";
        });
  }

  @Operation
  public void closeSender(@Param(name = "handle") int h) {
    senders[h].close();
  }

  @Operation
  public int borrow() {
    return senders[0].borrow();
  }

  @Operation(nonParallelGroup = "a")
  public Object changedA() {
    return a.slot.poll(a.receiver::changed);
  }

  @Operation(nonParallelGroup = "a")
  public Object cancelChangedA() {
    return a.slot.cancel();
  }

  @Operation(nonParallelGroup = "a")
  public int borrowAndUpdateA() {
    return a.receiver.borrowAndUpdate();
  }

  @Operation(nonParallelGroup = "a")
  public boolean hasChangedA() {
    return a.receiver.hasChanged();
  }

  @Operation(nonParallelGroup = "b")
  public Object changedB() {
    return b.slot.poll(b.receiver::changed);
  }

  @Operation(nonParallelGroup = "b")
  public Object cancelChangedB() {
    return b.slot.cancel();
  }

  @Operation(nonParallelGroup = "b")
  public int borrowAndUpdateB() {
    return b.receiver.borrowAndUpdate();
  }

  @Validate
  public void noLostWakeUps() {
    a.verify();
    b.verify();
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // Both handles closing while a receiver waits for a change: it is woken.
        .addCustomScenario(
            Scenario.of(getClass())
                .thread("changedA", "changedA")
                .thread("closeSender", 0, "closeSender", 1)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /**
   * The latest value and its version; each receiver has the version it saw. {@code changed()}
   * completes (marking the version seen) once the version differs from the seen one, and fails once
   * both handles closed with nothing new; the value stays readable after the close.
   */
  public static final class Spec {
    private int value;
    private long version;
    private final boolean[] handleClosed = new boolean[2];
    private int senders = 2;
    private final long[] seen = new long[2];
    private final Slot[] slots = {new Slot(new TestTask()), new Slot(new TestTask())};

    public Object send(int h, int v) {
      if (handleClosed[h]) {
        return Slot.threw(new IllegalStateException());
      }
      value = v;
      version++;
      return "sent";
    }

    public void closeSender(int h) {
      if (!handleClosed[h]) {
        handleClosed[h] = true;
        senders--;
      }
    }

    public int borrow() {
      return value;
    }

    private Object changed(int r) {
      return slots[r].poll(
          () ->
              Model.<Void>of(
                  cx -> {
                    if (version != seen[r]) {
                      seen[r] = version;
                      return Poll.ready(null);
                    }
                    if (senders == 0) {
                      throw new ChannelClosedException("closed", null);
                    }
                    return Poll.pending();
                  }));
    }

    private int borrowAndUpdate(int r) {
      seen[r] = version;
      return value;
    }

    public Object changedA() {
      return changed(0);
    }

    public Object cancelChangedA() {
      return slots[0].cancel();
    }

    public int borrowAndUpdateA() {
      return borrowAndUpdate(0);
    }

    public boolean hasChangedA() {
      return version != seen[0];
    }

    public Object changedB() {
      return changed(1);
    }

    public Object cancelChangedB() {
      return slots[1].cancel();
    }

    public int borrowAndUpdateB() {
      return borrowAndUpdate(1);
    }
  }
}
