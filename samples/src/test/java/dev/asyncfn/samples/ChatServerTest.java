/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat server on loopback with several clients, plain blocking sockets standing in for them. */
class ChatServerTest {

  /** One chat client: sends command lines, reads the server's lines (10 s read timeout). */
  private static final class Conn implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final PrintWriter out;

    Conn(int port, String name) throws IOException {
      socket = new Socket();
      // A small receive window, so that a client that does not read is found out early.
      socket.setReceiveBufferSize(16 * 1024);
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(10_000);
      in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
      assertTrue(in.readLine().startsWith("welcome guest"));
      send("name " + name);
      expect("welcome " + name);
    }

    void send(String line) {
      out.println(line);
    }

    void expect(String line) throws IOException {
      assertEquals(line, in.readLine());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void everyMemberOfTheGroupReceivesAPostAndNobodyElse() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (Server server = ChatServer.start(0);
              Conn alice = new Conn(server.port(), "alice");
              Conn bob = new Conn(server.port(), "bob");
              Conn carol = new Conn(server.port(), "carol");
              Conn dave = new Conn(server.port(), "dave")) {
            for (Conn c : List.of(alice, bob, carol)) {
              c.send("join rust");
              c.expect("joined rust");
            }
            dave.send("join java");
            dave.expect("joined java");

            bob.send("post rust async fn in Java?");
            for (Conn c : List.of(alice, bob, carol)) {
              c.expect("[rust] bob: async fn in Java?");
            }
            dave.send("post java only me here");
            dave.expect("[java] dave: only me here"); // and not the rust post before it

            carol.send("leave rust");
            carol.expect("left rust");
            alice.send("post rust bye carol");
            alice.expect("[rust] alice: bye carol");
            bob.expect("[rust] alice: bye carol");
            carol.send("post rust am I out?");
            carol.expect("error: join rust before posting to it");

            alice.send("shout");
            alice.expect("error: unknown command 'shout'; try join GROUP or post GROUP TEXT");
          }
        });
  }

  @Test
  void aClientThatDoesNotReadStallsNobodyAndIsToldWhatItMissed() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(40),
        () -> {
          try (Server server = ChatServer.start(0);
              Conn poster = new Conn(server.port(), "poster");
              Conn reader = new Conn(server.port(), "reader");
              Conn sleeper = new Conn(server.port(), "sleeper")) {
            for (Conn c : List.of(poster, reader, sleeper)) {
              c.send("join news");
              c.expect("joined news");
            }
            // The sleeper does not read until the end: its socket buffers fill, then its queue,
            // then it loses messages. 2,000 posts of 8 KB are far more than buffers and queue.
            // The reader takes each post before the next is sent: a reader on its own thread could
            // fall behind on a loaded machine and rightly be dropped from, too.
            int n = 2000;
            String text = "x".repeat(8192);
            for (int i = 0; i < n; i++) {
              poster.send("post news " + i + " " + text);
              poster.expect("[news] poster: " + i + " " + text);
              reader.expect("[news] poster: " + i + " " + text);
            }
            // Now the sleeper reads: what was queued for it, and a notice of what it missed.
            boolean toldOfDrops = false;
            for (int i = 0; i < n + 1 && !toldOfDrops; i++) {
              String line = sleeper.in.readLine();
              toldOfDrops = line.matches("! [0-9]+ messages dropped: you are reading too slowly");
            }
            assertTrue(toldOfDrops, "the sleeper was not told it lost messages");
          }
        });
  }

  @Test
  void aClientThatLeavesIsRemovedFromItsGroups() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (Server server = ChatServer.start(0);
              Conn stays = new Conn(server.port(), "stays")) {
            stays.send("join g");
            stays.expect("joined g");
            try (Conn leaves = new Conn(server.port(), "leaves")) {
              leaves.send("join g");
              leaves.expect("joined g");
              leaves.socket.shutdownOutput();
              // The server sends what was queued, then closes its side.
              assertNull(leaves.in.readLine());
            }
            stays.send("post g still here");
            stays.expect("[g] stays: still here");
          }
        });
  }

  @Test
  void stoppingTheServerClosesEveryConnection() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          Server server = ChatServer.start(0);
          int port = server.port();
          try (Conn a = new Conn(port, "a");
              Conn b = new Conn(port, "b")) {
            a.send("join g");
            a.expect("joined g");
            server.close();
            assertNull(a.in.readLine());
            assertNull(b.in.readLine());
            assertEquals(0, server.openSockets());
          }
          Loopback.assertNobodyListens(port);
        });
  }

  @Test
  void chatClientSampleSendsItsInputAndPrintsWhatComesBack() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (Server server = ChatServer.start(0);
              Conn watcher = new Conn(server.port(), "watcher")) {
            watcher.send("join books");
            watcher.expect("joined books");
            String script = "join books\npost books reading Programming Rust\n";
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            int code =
                new ChatClient(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)))
                    .run(List.of("--port", String.valueOf(server.port()), "--name", "ann"), out);
            assertEquals(0, code);
            String printed = bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertTrue(
                printed.endsWith(
                    "welcome ann\njoined books\n[books] ann: reading Programming Rust\n"),
                printed);
            watcher.expect("[books] ann: reading Programming Rust");
          }
        });
  }
}
