/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Future;
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
 * The bounded {@link Mpsc} channel (capacity 1) under Lincheck: the sending task waits for a slot,
 * cancels a waiting send, tries to send and closes its handle; another thread closes the second
 * handle; the receiving task receives (cancel-safe), cancels a receive, tries, reads the size and
 * closes the channel.
 *
 * <p>One sending task, not two: a send takes its slot first and puts its message in the buffer a
 * moment later, and while it is between the two a second sender finds the channel full and the
 * receiver finds it empty, an intermediate state that no sequential order explains (Tokio's permits
 * have it too). Senders competing for slots in FIFO order are the batch semaphore's business, which
 * {@link SemaphoreLincheckTest} and {@link MutexLincheckTest} check; one handle used from several
 * threads at once, racing with its close, is {@link MpscUnboundedLincheckTest}'s.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class MpscLincheckTest {
  private final Mpsc.Channel<Integer> ch = Mpsc.channel(1);
  private final Mpsc.Sender<Integer> a = ch.sender();
  private final Mpsc.Sender<Integer> b = a.clone();
  private final TestTask senderTask = new TestTask();
  private final Slot sending = new Slot(senderTask);
  private final TestTask receiverTask = new TestTask();
  private final Slot receiving = new Slot(receiverTask);

  @Operation(nonParallelGroup = "sender")
  public Object send(@Param(name = "value") int v) {
    return sending.poll(() -> a.send(v));
  }

  @Operation(nonParallelGroup = "sender")
  public Object cancelSend() {
    return sending.cancel();
  }

  @Operation(nonParallelGroup = "sender")
  public Object trySend(@Param(name = "value") int v) {
    return Slot.call(() -> a.trySend(v));
  }

  @Operation(nonParallelGroup = "sender")
  public void close() {
    a.close();
  }

  @Operation
  public void closeOther() {
    b.close();
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
  public int size() {
    return ch.receiver().size();
  }

  /** The receiving task closes the channel between receives. */
  @Operation(nonParallelGroup = "receiver")
  public void closeReceiver() {
    receiving.cancel();
    ch.receiver().close();
  }

  @Validate
  public void noLostWakeUps() {
    sending.verify();
    senderTask.verify();
    receiving.verify();
    receiverTask.verify();
  }

  @Test
  void isLinearizableUnderTheModelChecker() {
    Bounds.modelChecking()
        .sequentialSpecification(Spec.class)
        // Both handles closing while the receiver waits: it is woken.
        .addCustomScenario(
            Scenario.of(getClass())
                .thread("recv", "recv")
                .thread("close")
                .thread("closeOther")
                .build())
        // A full channel: a receive frees the slot a waiting send needs.
        .addCustomScenario(
            Scenario.of(getClass())
                .init("send", 1)
                .thread("send", 2, "send", 2)
                .thread("recv")
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /**
   * A FIFO buffer behind a {@link SemaphoreModel} of free slots. A send takes a slot (waiting in
   * FIFO order), and only the poll that completes it puts the message in the buffer; a receive
   * takes the oldest message and gives its slot back, or gives {@code null} once every handle is
   * closed (or the receiver is) and the buffer is empty. Closing the receiver closes the slots, so
   * waiting and later sends fail; a closed handle cannot send, and a send still waiting when its
   * handle closed fails when it gets its slot.
   */
  public static final class Spec {
    private final SemaphoreModel slots = new SemaphoreModel(1);
    private final ArrayDeque<Integer> buffer = new ArrayDeque<>();
    private final boolean[] handleClosed = new boolean[2];
    private int senders = 2;
    private boolean receiverClosed;
    private final Slot sending = new Slot(new TestTask());
    private final Slot receiving = new Slot(new TestTask());

    public Object send(int v) {
      return sending.poll(() -> sendFuture(0, v));
    }

    public Object cancelSend() {
      return sending.cancel();
    }

    public Object trySend(int v) {
      return trySend(0, v);
    }

    public void close() {
      close(0);
    }

    public void closeOther() {
      close(1);
    }

    private Future<Void> sendFuture(int h, int v) {
      if (handleClosed[h]) {
        throw new IllegalStateException("closed handle");
      }
      SemaphoreModel.Acquire slot = slots.acquire(1);
      return Model.future(
          cx -> {
            Poll<Integer> p = slot.poll(cx);
            if (p.isPending()) {
              return Poll.pending();
            }
            if (p.get() == SemaphoreModel.CLOSED) {
              throw new ChannelClosedException("receiver closed", v);
            }
            if (handleClosed[h]) {
              slots.release(1);
              throw new IllegalStateException("handle closed while sending");
            }
            if (receiverClosed) {
              slots.release(1);
              throw new ChannelClosedException("receiver closed", v);
            }
            buffer.addLast(v);
            return Poll.ready(null);
          },
          slot::cancel);
    }

    private Object trySend(int h, int v) {
      if (handleClosed[h]) {
        return Slot.threw(new IllegalStateException());
      }
      int r = slots.tryAcquire(1);
      if (r == SemaphoreModel.NO_PERMITS) {
        return false;
      }
      if (r == SemaphoreModel.CLOSED || receiverClosed) {
        if (r == SemaphoreModel.ACQUIRED) {
          slots.release(1);
        }
        return Slot.threw(new ChannelClosedException("receiver closed", v));
      }
      buffer.addLast(v);
      return true;
    }

    private void close(int h) {
      if (!handleClosed[h]) {
        handleClosed[h] = true;
        senders--;
      }
    }

    public Object recv() {
      return receiving.poll(() -> Model.of(cx -> pop()));
    }

    private Poll<Integer> pop() {
      Integer m = buffer.pollFirst();
      if (m != null) {
        slots.release(1);
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

    public int size() {
      return buffer.size();
    }

    public void closeReceiver() {
      receiving.cancel();
      receiverClosed = true;
      slots.close();
    }
  }
}
