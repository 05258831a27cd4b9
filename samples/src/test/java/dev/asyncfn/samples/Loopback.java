/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

/** Loopback checks shared by the server tests. */
final class Loopback {
  private Loopback() {}

  /**
   * Asserts that nothing serves {@code port} any more. A connect is refused, or, while the closed
   * listener's descriptor is still being released by the reactor's selector (the JDK defers the
   * close of a registered channel to the next select), it lands in the old backlog and is reset or
   * closed without a byte. The kernel may also give the freed port to the connecting socket
   * itself, which then connects to itself (TCP simultaneous open); that proves it too.
   */
  static void assertNobodyListens(int port) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      if (s.getLocalPort() == port) {
        return;
      }
      s.setSoTimeout(5_000);
      s.getOutputStream().write('x');
      try {
        assertEquals(-1, s.getInputStream().read(), "something still serves port " + port);
      } catch (SocketException reset) {
        // Connection reset: the listener closed with this connection in its backlog.
      }
    } catch (ConnectException expected) {
      // Refused: the listener is closed.
    }
  }
}
