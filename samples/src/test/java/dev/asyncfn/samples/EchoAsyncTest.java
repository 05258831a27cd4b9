/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.asyncfn.junit.AsyncParameterizedTest;
import dev.asyncfn.junit.AsyncTest;
import dev.asyncfn.junit.Flavor;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.net.TcpListener;
import dev.asyncfn.runtime.net.TcpStream;
import dev.asyncfn.runtime.time.Instant;
import dev.asyncfn.runtime.time.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The samples tested the way a user of asyncfn-junit tests async code: each test method awaits,
 * like an {@code @Async} method, on a runtime of its own, and fails if it leaves a task behind.
 * Compare {@link EchoServerTest}, which drives the same code with {@code blockOn} from plain
 * tests.
 */
class EchoAsyncTest {
  OpenSockets sockets;

  @BeforeEach
  void freshSockets() {
    sockets = new OpenSockets();
  }

  @AsyncTest
  void theEchoHandlerSendsEveryLineBack() throws IOException {
    try (TcpListener listener = await(TcpListener.bind("127.0.0.1", 0))) {
      int port = listener.localAddr().getPort();
      JoinHandle<List<String>> client =
          Tasks.spawn(EchoClientAsync.echoLines(port, List.of("hello", "async world")));
      TcpStream socket = sockets.add(await(listener.accept()));
      await(EchoServerAsync.handle(socket, sockets)); // until the client closes its side
      assertEquals(List.of("hello", "async world"), await(client));
    }
    assertEquals(0, sockets.size(), "the handler closed its socket");
  }

  @AsyncTest(flavor = Flavor.MULTI_THREAD, workerThreads = 2)
  void aHundredKilobytesRoundTripOnTwoWorkers() throws IOException {
    byte[] payload = new byte[100_000];
    try (TcpListener listener = await(TcpListener.bind("127.0.0.1", 0))) {
      JoinHandle<byte[]> client =
          Tasks.spawn(EchoClientAsync.roundTrip(listener.localAddr().getPort(), payload));
      TcpStream socket = sockets.add(await(listener.accept()));
      await(EchoServerAsync.handle(socket, sockets));
      assertArrayEquals(payload, await(client));
    }
  }

  @AsyncTest(startPaused = true)
  void aTimeoutFiresInVirtualTime() {
    Instant start = Time.now();
    try {
      await(Time.timeout(Duration.ofMinutes(5), Futures.pending()));
      fail("a future that never completes finished");
    } catch (TimeoutException e) {
      assertEquals(Duration.ofMinutes(5), Time.now().durationSince(start));
    }
  }

  @AsyncParameterizedTest(startPaused = true)
  @ValueSource(ints = {1, 10, 60})
  void seqVsConcurrentTakesTheLongestNotTheSum(int seconds) {
    Instant start = Time.now();
    Duration d = Duration.ofSeconds(seconds);
    await(Futures.join(Time.sleep(d), Time.sleep(d.multipliedBy(2))));
    assertEquals(d.multipliedBy(2), Time.now().durationSince(start));
    assertTrue(seconds > 0);
  }
}
