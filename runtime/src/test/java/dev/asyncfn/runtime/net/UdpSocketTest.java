/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UdpSocket on loopback: sendTo/recvFrom, connect/send/recv, cancellation, close. */
class UdpSocketTest {
  private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void datagramsRoundTrip(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (NetRuntime net = new NetRuntime(flavour);
          UdpSocket server = net.rt.blockOn(UdpSocket.bind(ANY_LOOPBACK));
          UdpSocket client = net.rt.blockOn(UdpSocket.bind(ANY_LOOPBACK))) {
        InetSocketAddress serverAddr = server.localAddr();
        // The server waits first (pending recvFrom), then echoes one datagram upper-cased.
        JoinHandle<InetSocketAddress> echo = net.rt.spawn(recvAndReply(server));
        assertEquals(5, net.rt.blockOn(client.sendTo("hello".getBytes(UTF_8), serverAddr)));
        ByteBuffer reply = ByteBuffer.allocate(1500);
        InetSocketAddress from = net.rt.blockOn(client.recvFrom(reply));
        assertEquals(serverAddr, from);
        assertEquals("HELLO", new String(reply.array(), 0, reply.position(), UTF_8));
        assertEquals(client.localAddr(), net.rt.blockOn(echo));

        // Connected: send/recv talk to the one peer.
        client.connect(serverAddr);
        assertEquals(serverAddr, client.peerAddr());
        server.connect(client.localAddr());
        assertEquals(3, net.rt.blockOn(client.send(ByteBuffer.wrap("abc".getBytes(UTF_8)))));
        ByteBuffer got = ByteBuffer.allocate(16);
        assertEquals(3, net.rt.blockOn(server.recv(got)));
        assertEquals("abc", new String(got.array(), 0, 3, UTF_8));
        // An empty datagram (sent by the JDK's blocking socket) is length 0, not "nothing yet".
        try (java.net.DatagramSocket plain = new java.net.DatagramSocket(ANY_LOOPBACK)) {
          UdpSocket open = net.rt.blockOn(UdpSocket.bind(ANY_LOOPBACK));
          try (open) {
            open.connect(plain.getLocalSocketAddress());
            plain.send(new java.net.DatagramPacket(new byte[0], 0, open.localAddr()));
            assertEquals(0, net.rt.blockOn(open.recv(ByteBuffer.allocate(16))));
          }
        }
      }
    });
  }

  private static ThrowingFuture<InetSocketAddress, IOException> recvAndReply(UdpSocket server) {
    ByteBuffer buf = ByteBuffer.allocate(1500);
    ThrowingFuture<InetSocketAddress, IOException> recv = server.recvFrom(buf);
    return new ThrowingFuture<>() {
      ThrowingFuture<Integer, IOException> send;
      InetSocketAddress from;

      @Override
      public Poll<InetSocketAddress> poll(dev.asyncfn.runtime.Context cx) {
        if (from == null) {
          Poll<InetSocketAddress> p = recv.poll(cx);
          if (p.isPending()) {
            return Poll.pending();
          }
          from = p.get();
          String s = new String(buf.array(), 0, buf.position(), UTF_8).toUpperCase();
          send = server.sendTo(s.getBytes(UTF_8), from);
        }
        return send.poll(cx).isReady() ? Poll.ready(from) : Poll.pending();
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"current", "multi"})
  void aCancelledReceiveLeavesNoInterestAndCloseFailsWaiters(String flavour) {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (NetRuntime net = new NetRuntime(flavour)) {
        UdpSocket socket = net.rt.blockOn(UdpSocket.bind(ANY_LOOPBACK));
        ThrowingFuture<InetSocketAddress, IOException> recv = socket.recvFrom(ByteBuffer.allocate(8));
        boolean pending = net.rt.blockOn(cx -> Poll.ready(recv.poll(cx).isPending()));
        assertTrue(pending);
        recv.cancel();
        JoinHandle<Integer> waiting = net.rt.spawn(socket.recv(ByteBuffer.allocate(8)));
        net.rt.blockOn(dev.asyncfn.runtime.Tasks.yieldNow());
        socket.close();
        assertThrows(ClosedChannelException.class, () -> net.rt.blockOn(waiting));
        net.assertNoKeys();
      }
    });
  }
}
