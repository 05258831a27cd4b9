/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.ThrowingStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code TcpListener.incoming()} as a stream: combinators over it, and closing the view. */
class IncomingTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void takeOfIncomingAcceptsThatManyAndLeavesTheListenerOpen(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour);
          TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
        int port = listener.localAddr().getPort();
        ThrowingStream<TcpStream, IOException> two = listener.incoming().take(2);
        JoinHandle<List<TcpStream>> accepted = net.rt.spawn(two.toList());
        try (TcpStream a = net.rt.blockOn(TcpStream.connect("127.0.0.1", port));
            TcpStream b = net.rt.blockOn(TcpStream.connect("127.0.0.1", port))) {
          List<TcpStream> servers = net.rt.blockOn(accepted);
          assertEquals(2, servers.size());
          for (TcpStream s : servers) {
            s.close();
          }
          assertFalse(listener.isClosed(), "closing the view does not close the listener");
        }
        listener.close();
        net.assertNoKeys();
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void closingAPendingIncomingLosesNoConnection(String flavour) {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (NetRuntime net = new NetRuntime(flavour);
          TcpListener listener = net.rt.blockOn(TcpListener.bind("127.0.0.1", 0))) {
        int port = listener.localAddr().getPort();
        ThrowingStream<TcpStream, IOException> incoming = listener.incoming();
        net.rt.blockOn(cx -> {
          assertTrue(incoming.pollNext(cx).isPending());
          return Poll.ready(null);
        });
        incoming.close();
        try (TcpStream c = net.rt.blockOn(TcpStream.connect("127.0.0.1", port));
            TcpStream s = net.rt.blockOn(listener.incoming().next())) {
          assertEquals(c.localAddr().getPort(), s.peerAddr().getPort());
        }
        listener.close();
        net.assertNoKeys();
      }
    });
  }
}
