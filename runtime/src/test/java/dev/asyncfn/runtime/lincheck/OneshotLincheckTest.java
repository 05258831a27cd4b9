/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.sync.ChannelClosedException;
import dev.asyncfn.runtime.sync.Oneshot;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * {@link Oneshot} under Lincheck: the sender used from two threads at once, against the receiver's
 * task (awaiting the receiver, or its cancel-safe {@code recv()}, cancelling either, closing) and
 * the sender's task waiting in {@code closed()}.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class OneshotLincheckTest {
  private final Oneshot.Channel<Integer> ch = Oneshot.channel();
  private final TestTask receiverTask = new TestTask();
  private final Slot awaiting = new Slot(receiverTask);
  private final Slot receiving = new Slot(receiverTask);
  private final TestTask senderTask = new TestTask();
  private final Slot closedWait = new Slot(senderTask);

  @Operation
  public Object send(@Param(name = "value") int value) {
    return Slot.call(() -> ch.sender().send(value));
  }

  @Operation
  public void closeSender() {
    ch.sender().close();
  }

  @Operation
  public boolean senderIsClosed() {
    return ch.sender().isClosed();
  }

  @Operation(nonParallelGroup = "sender task")
  public Object awaitClosed() {
    return closedWait.poll(() -> ch.sender().closed());
  }

  @Operation(nonParallelGroup = "receiver")
  public Object awaitReceiver() {
    return awaiting.poll(ch::receiver);
  }

  /** Dropping the awaited receiver closes it. */
  @Operation(nonParallelGroup = "receiver")
  public Object cancelAwaitReceiver() {
    return awaiting.cancel();
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
    return Slot.call(() -> show(ch.receiver().tryRecv()));
  }

  /** A task closes its receiver once it stopped awaiting it (a select dropped the wait first). */
  @Operation(nonParallelGroup = "receiver")
  public void closeReceiver() {
    awaiting.cancel();
    receiving.cancel();
    ch.receiver().close();
  }

  @Validate
  public void noLostWakeUps() {
    awaiting.verify();
    receiving.verify();
    closedWait.verify();
    receiverTask.verify();
    senderTask.verify();
  }

  static String show(Poll<?> p) {
    return p.isReady() ? Slot.ready(p.get()) : Slot.PENDING;
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // A send while the receiver waits: it is woken.
        .addCustomScenario(
            Scenario.of(getClass())
                .thread("awaitReceiver", "awaitReceiver")
                .thread("send", 1)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /**
   * The sequential specification: a value slot and four flags. The sender sends once (a second
   * send, or a send after close, is misuse); a closed receiver refuses the value; the receiver
   * yields the value once, or fails once if the sender closed without sending; polled again it is
   * misuse. {@code closed()} completes once the receiver is closed.
   */
  public static final class Spec {
    private boolean sent;
    private boolean senderClosed;
    private boolean receiverClosed;
    private boolean taken;
    private Integer value;
    private final TestTask task = new TestTask();
    private final Slot awaiting = new Slot(task);
    private final Slot receiving = new Slot(task);
    private final Slot closedWait = new Slot(task);

    public Object send(int v) {
      if (sent || senderClosed) {
        return Slot.threw(new IllegalStateException());
      }
      sent = true;
      if (receiverClosed) {
        return false;
      }
      value = v;
      return true;
    }

    public void closeSender() {
      if (!sent) {
        senderClosed = true;
      }
    }

    public boolean senderIsClosed() {
      return receiverClosed;
    }

    public Object awaitClosed() {
      return closedWait.poll(() -> cx -> receiverClosed ? Poll.ready(null) : Poll.pending());
    }

    public Object awaitReceiver() {
      return awaiting.poll(() -> Model.future(this::pollReceiver, this::close));
    }

    public Object cancelAwaitReceiver() {
      return awaiting.cancel();
    }

    public Object recv() {
      return receiving.poll(() -> Model.future(this::pollReceiver, () -> {}));
    }

    public Object cancelRecv() {
      return receiving.cancel();
    }

    public Object tryRecv() {
      if (!sent && !senderClosed && !taken && !receiverClosed) {
        return Slot.PENDING;
      }
      return Slot.call(() -> show(pollReceiver(null)));
    }

    public void closeReceiver() {
      awaiting.cancel();
      receiving.cancel();
      close();
    }

    private void close() {
      receiverClosed = true;
      value = null;
    }

    private Poll<Integer> pollReceiver(Context cx) {
      if (taken || receiverClosed) {
        throw new IllegalStateException();
      }
      if (sent) {
        taken = true;
        return Poll.ready(value);
      }
      if (senderClosed) {
        taken = true;
        throw new ChannelClosedException("closed", null);
      }
      return Poll.pending();
    }
  }
}
