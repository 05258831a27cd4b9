/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.debug;

import dev.asyncfn.runtime.Future;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One runtime as the {@link Watchdog} sees it: the slots of its polling threads, and what to do
 * with a poll that holds its thread longer than the threshold: one warning through a {@link
 * System.Logger}, naming the task, its innermost {@code @Async} frame and line, and the thread's
 * stack mapped to the user's lines.
 *
 * <p>Thread safety: {@link #check} runs on the watchdog thread only; {@link #slowPolls()} may be
 * read from any thread.
 */
public final class PollMonitor {
  private final String runtime;
  private final PollSlot[] slots;
  private final long thresholdNanos;
  private final System.Logger logger;
  private volatile long slowPolls;
  /** When the watchdog last checked this runtime; the watchdog thread's alone. */
  private long lastCheck;

  /**
   * A monitor of {@code runtime} (its label in messages) polling through {@code slots}; {@code
   * thresholdNanos} of zero turns warnings off (the watchdog still keeps the coarse clock for it).
   */
  public PollMonitor(
      String runtime, PollSlot[] slots, long thresholdNanos, System.Logger logger) {
    this.runtime = runtime;
    this.slots = slots.clone();
    this.thresholdNanos = thresholdNanos;
    this.logger = logger;
  }

  /** How many slow polls were reported; for the runtime's MBean. */
  public long slowPolls() {
    return slowPolls;
  }

  /** The threshold in nanoseconds, zero when warnings are off. */
  long thresholdNanos() {
    return thresholdNanos;
  }

  /**
   * One watchdog tick at {@code now}, {@code tickNanos} after the previous one was due: reports
   * each poll that just went past the threshold.
   *
   * <p>A poll's time is counted in the watchdog's own ticks, at most two ticks per check: when the
   * watchdog itself did not run for longer (a garbage-collection pause, a machine so loaded that no
   * thread ran), the polls did not run either, and the stall is not theirs. So a short poll caught
   * by a pause is never reported, and a blocked one is reported once it held its thread for the
   * threshold of ticks that the watchdog saw.
   */
  void check(long now, long tickNanos) {
    long gap = lastCheck == 0 ? tickNanos : now - lastCheck;
    lastCheck = now;
    if (thresholdNanos == 0) {
      return;
    }
    long credit = Math.max(0, Math.min(gap, 2 * tickNanos));
    for (PollSlot slot : slots) {
      int polls = slot.pollsSeen();
      Object running = slot.running();
      if (running == null) {
        slot.seenPolls = -1;
        continue;
      }
      if (polls != slot.seenPolls) {
        slot.seenPolls = polls;
        slot.heldNanos = 0;
        slot.reported = false;
        continue;
      }
      if (slot.heldNanos == 0) {
        slot.cpuAtHold = ThreadCpu.of(slot.thread());
      }
      slot.heldNanos += credit;
      if (!slot.reported && slot.heldNanos >= thresholdNanos) {
        if (starved(slot)) {
          // Ready to run but given no core (a machine busier than its cores): not the poll's
          // doing. Count again from here.
          slot.heldNanos = 0;
          continue;
        }
        slot.reported = true;
        slowPolls++; // the watchdog thread is the only writer
        report(slot, running, polls, slot.heldNanos);
      }
    }
  }

  /**
   * Whether the slot's thread spent its held time waiting for a core rather than in its poll: it
   * is runnable, in Java code (not a native call such as a socket read, which shows as runnable
   * too), and used less than a quarter of that time on a CPU. A sleeping, blocked or waiting thread
   * (a lock, {@code Thread.sleep}) and a computing one are the poll's doing. False when the JVM does
   * not measure thread CPU time.
   */
  private static boolean starved(PollSlot slot) {
    Thread t = slot.thread();
    long before = slot.cpuAtHold;
    long now = ThreadCpu.of(t);
    if (t == null || before < 0 || now < 0 || t.getState() != Thread.State.RUNNABLE) {
      return false;
    }
    if (now - before >= slot.heldNanos / 4) {
      return false;
    }
    StackTraceElement[] stack = t.getStackTrace();
    return stack.length > 0 && !stack[0].isNativeMethod();
  }

  private void report(PollSlot slot, Object running, int polls, long heldNanos) {
    Thread thread = slot.thread();
    StackTraceElement[] stack = thread == null ? new StackTraceElement[0] : thread.getStackTrace();
    boolean returned = slot.pollsSeen() != polls;
    String task;
    Future<?> root;
    if (running instanceof TaskView) {
      task = ((TaskView) running).label();
      root = ((TaskView) running).root();
    } else {
      task = "the future given to blockOn";
      root = running instanceof Future ? (Future<?>) running : null;
    }
    Chains.Chain chain = Chains.of(root);
    StackTraceElement[] cleaned = Traces.clean(stack);
    StringBuilder b = new StringBuilder("slow poll: ").append(task);
    StackTraceElement innermost = innermost(chain.frames(), cleaned);
    if (innermost != null) {
      b.append(" in ").append(innermost);
    }
    b.append(" has held thread ")
        .append(thread == null ? "?" : thread.getName())
        .append(" of ")
        .append(runtime)
        .append(" for at least ")
        .append(TimeUnit.NANOSECONDS.toMillis(heldNanos))
        .append(" ms (threshold ")
        .append(TimeUnit.NANOSECONDS.toMillis(thresholdNanos))
        .append(" ms). Every other task of that thread waits meanwhile: move blocking or long work"
            + " to spawnBlocking, or let a long loop await Tasks.yieldNow().");
    if (!chain.frames().isEmpty()) {
      b.append("\n    @Async frames (the innermost at the line its running state starts at):");
      for (StackTraceElement e : chain.frames()) {
        b.append("\n\tat ").append(e);
      }
    }
    if (chain.awaiting() != null) {
      b.append("\n    awaiting ").append(chain.awaiting());
    }
    if (returned) {
      b.append("\n    (the poll returned while the stack was taken: it may show later work)");
    }
    b.append("\n    the thread's stack:");
    for (StackTraceElement e : cleaned) {
      b.append("\n\tat ").append(e);
    }
    logger.log(Level.WARNING, b.toString());
  }

  /**
   * The innermost machine's frame at its exact line, found on the stack; else at the line its
   * state starts at, from the chain.
   */
  private static StackTraceElement innermost(
      List<StackTraceElement> chain, StackTraceElement[] stack) {
    if (chain.isEmpty()) {
      return null;
    }
    StackTraceElement first = chain.get(0);
    for (StackTraceElement e : stack) {
      if (e.getClassName().equals(first.getClassName())
          && e.getMethodName().equals(first.getMethodName())
          && first.getFileName() != null
          && first.getFileName().equals(e.getFileName())) {
        return e;
      }
    }
    return first;
  }
}
