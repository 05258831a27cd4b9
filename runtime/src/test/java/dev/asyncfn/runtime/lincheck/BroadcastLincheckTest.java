/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.sync.Broadcast;
import dev.asyncfn.runtime.sync.LaggedException;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * {@link Broadcast} (a ring of two) under Lincheck: two sender handles used from any thread (send,
 * close), against two receiving tasks that each receive (cancel-safe), cancel a receive, try, count
 * what they have not read, and unsubscribe. A receiver that falls behind by more than the ring is
 * told how many it missed ({@link LaggedException}), then goes on with the oldest kept.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:3")
@Param(name = "handle", gen = IntGen.class, conf = "0:1")
public class BroadcastLincheckTest {
  private final Broadcast.Channel<Integer> ch = Broadcast.channel(2);
  private final Broadcast.Sender<Integer>[] senders = handles(ch.sender());
  private final Receiving a = new Receiving(ch.receiver());
  private final Receiving b = new Receiving(ch.receiver().resubscribe());

  @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array is created raw
  private static Broadcast.Sender<Integer>[] handles(Broadcast.Sender<Integer> first) {
    return new Broadcast.Sender[] {first, first.clone()};
  }

  /** A receiving task and its receiver. */
  private static final class Receiving {
    final Broadcast.Receiver<Integer> receiver;
    final TestTask task = new TestTask();
    final Slot slot = new Slot(task);

    Receiving(Broadcast.Receiver<Integer> receiver) {
      this.receiver = receiver;
    }

    Object recv() {
      return slot.poll(receiver::recv);
    }

    Object tryRecv() {
      return Slot.call(() -> show(receiver.tryRecv()));
    }

    void close() {
      slot.cancel();
      receiver.close();
    }

    void verify() {
      slot.verify();
      task.verify();
    }
  }

  static String show(Poll<?> p) {
    return p.isReady() ? Slot.ready(p.get()) : Slot.PENDING;
  }

  @Operation
  public Object send(@Param(name = "handle") int h, @Param(name = "value") int v) {
    return Slot.call(() -> senders[h].send(v));
  }

  @Operation
  public void closeSender(@Param(name = "handle") int h) {
    senders[h].close();
  }

  @Operation
  public int receiverCount() {
    return senders[0].receiverCount();
  }

  @Operation(nonParallelGroup = "a")
  public Object recvA() {
    return a.recv();
  }

  @Operation(nonParallelGroup = "a")
  public Object cancelRecvA() {
    return a.slot.cancel();
  }

  @Operation(nonParallelGroup = "a")
  public Object tryRecvA() {
    return a.tryRecv();
  }

  @Operation(nonParallelGroup = "a")
  public int lenA() {
    return a.receiver.len();
  }

  @Operation(nonParallelGroup = "a")
  public void closeA() {
    a.close();
  }

  @Operation(nonParallelGroup = "b")
  public Object recvB() {
    return b.recv();
  }

  @Operation(nonParallelGroup = "b")
  public Object cancelRecvB() {
    return b.slot.cancel();
  }

  @Operation(nonParallelGroup = "b")
  public Object tryRecvB() {
    return b.tryRecv();
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
        // Both receivers waiting when a message is sent: each must be woken.
        .addCustomScenario(
            Scenario.of(getClass())
                .thread("recvA", "recvA")
                .thread("recvB", "recvB")
                .thread("send", 0, 1)
                .build())
        .check(getClass());
  }

  @Test
  void isLinearizableUnderStress() {
    Bounds.stress().sequentialSpecification(Spec.class).check(getClass());
  }

  /**
   * Every message ever sent, in order, of which the last two are kept; each receiver has the
   * position of its next message. A send reaches every subscribed receiver (and is dropped, with 0,
   * when there is none); a receiver more than two behind jumps to the oldest kept message and
   * reports how many it missed; once both handles closed, a receiver that read everything gets
   * {@code null}.
   */
  public static final class Spec {
    private static final int CAPACITY = 2;
    private final List<Integer> sent = new ArrayList<>();
    private final boolean[] handleClosed = new boolean[2];
    private int senders = 2;
    private int receivers = 2;
    private final Rx a = new Rx();
    private final Rx b = new Rx();

    private final class Rx {
      long next;
      boolean closed;
      final Slot slot = new Slot(new TestTask());

      Poll<Integer> read() {
        if (closed) {
          throw new IllegalStateException("closed receiver");
        }
        long tail = sent.size();
        if (next < tail) {
          long oldest = tail - CAPACITY;
          if (next < oldest) {
            long missed = oldest - next;
            next = oldest;
            throw new LaggedException(missed);
          }
          return Poll.ready(sent.get((int) next++));
        }
        return senders == 0 ? Poll.ready(null) : Poll.pending();
      }

      Object recv() {
        return slot.poll(() -> Model.of(cx -> read()));
      }

      Object tryRecv() {
        return Slot.call(() -> show(read()));
      }

      int len() {
        return (int) Math.min(sent.size() - next, CAPACITY);
      }

      void close() {
        slot.cancel();
        if (!closed) {
          closed = true;
          receivers--;
        }
      }
    }

    public Object send(int h, int v) {
      if (handleClosed[h]) {
        return Slot.threw(new IllegalStateException());
      }
      if (receivers == 0) {
        return 0;
      }
      sent.add(v);
      return receivers;
    }

    public void closeSender(int h) {
      if (!handleClosed[h]) {
        handleClosed[h] = true;
        senders--;
      }
    }

    public int receiverCount() {
      return receivers;
    }

    public Object recvA() {
      return a.recv();
    }

    public Object cancelRecvA() {
      return a.slot.cancel();
    }

    public Object tryRecvA() {
      return a.tryRecv();
    }

    public int lenA() {
      return a.len();
    }

    public void closeA() {
      a.close();
    }

    public Object recvB() {
      return b.recv();
    }

    public Object cancelRecvB() {
      return b.slot.cancel();
    }

    public Object tryRecvB() {
      return b.tryRecv();
    }
  }
}
