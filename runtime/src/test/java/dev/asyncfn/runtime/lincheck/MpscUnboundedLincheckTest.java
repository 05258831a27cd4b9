/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.sync.ChannelClosedException;
import dev.asyncfn.runtime.sync.Mpsc;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * The unbounded {@link Mpsc} channel under Lincheck: two sender handles used from any thread
 * (sending never waits) and closed, against the receiving task (receive, cancel a receive, try,
 * size, close).
 */
@Param(name = "value", gen = IntGen.class, conf = "1:3")
@Param(name = "handle", gen = IntGen.class, conf = "0:1")
public class MpscUnboundedLincheckTest {
  private final Mpsc.UnboundedChannel<Integer> ch = Mpsc.unbounded();
  private final Mpsc.UnboundedSender<Integer>[] senders = handles(ch.sender());
  private final TestTask receiverTask = new TestTask();
  private final Slot receiving = new Slot(receiverTask);

  @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
  private static Mpsc.UnboundedSender<Integer>[] handles(Mpsc.UnboundedSender<Integer> first) {
    return new Mpsc.UnboundedSender[] {first, first.clone()};
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
  public boolean isClosed() {
    return senders[0].isClosed();
  }

  @Operation(nonParallelGroup = "receiver")
  public Object recv() {
    return receiving.poll(() -> ch.receiver().recv());
  }

  @Operation(nonParallelGroup = "receiver")
  public Object cancelRecv() {
    return receiving.cancel();
  }

  @Operation(nonParallelGroup = "receiver")
  public Object tryRecv() {
    Poll<Integer> p = ch.receiver().tryRecv();
    return p.isReady() ? Slot.ready(p.get()) : Slot.PENDING;
  }

  @Operation(nonParallelGroup = "receiver")
  public boolean receiverIsClosed() {
    return ch.receiver().isClosed();
  }

  @Operation(nonParallelGroup = "receiver")
  public void closeReceiver() {
    receiving.cancel();
    ch.receiver().close();
  }

  @Validate
  public void noLostWakeUps() {
    receiving.verify();
    receiverTask.verify();
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // The last handle closing while the receiver waits: it is woken.
        .addCustomScenario(
            Scenario.of(getClass())
                .thread("recv", "recv")
                .thread("closeSender", 0, "closeSender", 1)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /**
   * A FIFO buffer: a send appends unless the receiver closed (then it fails, keeping the message)
   * or its handle closed (misuse); a receive takes the oldest message, or gives {@code null} once
   * both handles (or the receiver) closed and the buffer is empty.
   */
  public static final class Spec {
    private final ArrayDeque<Integer> buffer = new ArrayDeque<>();
    private final boolean[] handleClosed = new boolean[2];
    private int senders = 2;
    private boolean receiverClosed;
    private final Slot receiving = new Slot(new TestTask());

    public Object send(int h, int v) {
      if (handleClosed[h]) {
        return Slot.threw(new IllegalStateException());
      }
      if (receiverClosed) {
        return Slot.threw(new ChannelClosedException("closed", v));
      }
      buffer.addLast(v);
      return "sent";
    }

    public void closeSender(int h) {
      if (!handleClosed[h]) {
        handleClosed[h] = true;
        senders--;
      }
    }

    public boolean isClosed() {
      return receiverClosed;
    }

    public Object recv() {
      return receiving.poll(() -> Model.of(cx -> pop()));
    }

    private Poll<Integer> pop() {
      Integer m = buffer.pollFirst();
      if (m != null) {
        return Poll.ready(m);
      }
      return senders == 0 || receiverClosed ? Poll.ready(null) : Poll.pending();
    }

    public Object cancelRecv() {
      return receiving.cancel();
    }

    public Object tryRecv() {
      Poll<Integer> p = pop();
      return p.isReady() ? Slot.ready(p.get()) : Slot.PENDING;
    }

    public boolean receiverIsClosed() {
      return buffer.isEmpty() && (senders == 0 || receiverClosed);
    }

    public void closeReceiver() {
      receiving.cancel();
      receiverClosed = true;
    }
  }
}
