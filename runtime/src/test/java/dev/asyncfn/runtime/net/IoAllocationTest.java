/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import java.lang.management.ManagementFactory;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A read or write that completes at once allocates nothing beyond the returned {@code Poll}
 * (one object of 24 bytes with compressed oops; the byte count 1 is a cached {@code Integer}). The futures are created first; only
 * their polls are measured, after a warm-up.
 */
class IoAllocationTest {
  private static final int ROUNDS = 20_000;
  /** One Poll per poll, plus slack for the measurement itself. */
  private static final long BUDGET = 24L * ROUNDS + 8_192;

  @Test
  void aReadOrWriteThatCompletesAtOnceAllocatesOnlyItsPoll() throws Exception {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter");
    threads.setThreadAllocatedMemoryEnabled(true);

    try (NetRuntime net = new NetRuntime("current");
        TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
      JoinHandle<TcpStream> accepted = net.rt.spawn(listener.accept());
      try (TcpStream client = net.rt.blockOn(TcpStream.connect(listener.localAddr()));
          TcpStream server = net.rt.blockOn(accepted)) {
        byte[] outBytes = new byte[ROUNDS];
        byte[] inBytes = new byte[ROUNDS];
        for (int round = 0; round < 3; round++) {
          // Writes of one byte each: the socket buffer takes them all at once.
          long written = measure(threads, i -> server.write(outBytes, i, 1));
          // Reads of one byte each, from the bytes just written.
          long read = measure(threads, i -> client.read(inBytes, i, 1));
          if (round == 2) {
            assertTrue(written <= BUDGET, "writes allocated " + written + " bytes");
            assertTrue(read <= BUDGET, "reads allocated " + read + " bytes");
          }
        }
        assertEquals(null, client.registration(), "no wait, so no reactor registration");
      }
    }
  }

  private static long measure(
      com.sun.management.ThreadMXBean threads, IntFunction<Future<Integer>> make) {
    @SuppressWarnings("unchecked")
    Future<Integer>[] futures = (Future<Integer>[]) new Future<?>[ROUNDS];
    Context cx = Context.noop();
    long tid = Thread.currentThread().getId();
    long before = 0;
    long after;
    int total = 0;
    for (int i = 0; i < ROUNDS; i++) {
      futures[i] = make.apply(i);
    }
    before = threads.getThreadAllocatedBytes(tid);
    for (int i = 0; i < ROUNDS; i++) {
      total += futures[i].poll(cx).get();
    }
    after = threads.getThreadAllocatedBytes(tid);
    assertEquals(ROUNDS, total);
    return after - before;
  }
}
