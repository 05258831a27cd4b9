/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.time.Time;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The child process of {@link ServersUnderFdExhaustionTest}, started with a low soft limit of file
 * descriptors ({@code ulimit -n}): runs the echo or the chat server, takes every free descriptor
 * (opening {@code /dev/null} until "Too many open files"), frees exactly one, and connects a
 * client, which takes it. The server's accept of that connection must fail for want of a
 * descriptor, the server must keep going, and once the descriptors are given back it must serve
 * that client and new ones. Prints what happened; exits 0 only if all of it did.
 *
 * <p>Only this thread and the server's accept open descriptors, so the order is deterministic. What
 * the server needs while no descriptor is free (its retry timer, the failure's classes) is loaded
 * beforehand: a class loaded from the class path needs a descriptor too.
 */
public final class FdExhaustion {
  private FdExhaustion() {}

  public static void main(String[] args) throws Exception {
    boolean chat = args.length > 0 && args[0].equals("chat");
    warmUp(chat);
    List<String> fdsBefore = fds();
    Server server = chat ? ChatServer.start(0) : EchoServer.start(0);
    int port = server.port();
    roundTrip(port, chat); // a first client, so that serving one loaded everything it needs

    List<FileInputStream> hogs = new ArrayList<>();
    try {
      for (; ; ) {
        hogs.add(new FileInputStream("/dev/null"));
      }
    } catch (IOException e) {
      System.out.println("descriptors exhausted: " + e.getMessage());
    }
    hogs.remove(hogs.size() - 1).close();
    Socket pending = new Socket(InetAddress.getLoopbackAddress(), port); // takes the last one
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (server.sockets().acceptFailures() == 0) {
      if (System.nanoTime() > deadline) {
        System.out.println(
            "FAIL: no failed accept was retried (a loop that ends on it stops serving)");
        System.exit(1);
      }
      Thread.onSpinWait();
    }
    for (FileInputStream h : hogs) {
      h.close();
    }
    System.out.println(
        "accept failed "
            + server.sockets().acceptFailures()
            + " times: "
            + server.sockets().lastAcceptFailure());

    try (Socket s = pending) {
      exchange(s, chat); // the connection that waited in the backlog is served now
    }
    roundTrip(port, chat);
    System.out.println("served after recovery");

    server.close();
    System.out.println("sockets open after stop: " + server.openSockets());
    List<String> fdsAfter = fds();
    System.out.println(
        "descriptors: " + fdsBefore.size() + " before, " + fdsAfter.size() + " after");
    if (fdsAfter.size() > fdsBefore.size()) {
      List<String> extra = new ArrayList<>(fdsAfter);
      extra.removeAll(fdsBefore);
      System.out.println("new descriptors: " + extra);
    }
    boolean ok = server.openSockets() == 0 && fdsAfter.size() <= fdsBefore.size();
    System.out.println(ok ? "OK" : "FAIL");
    System.exit(ok ? 0 : 1);
  }

  /**
   * Runs a server once (the class path's jars it opens stay open: they are the baseline), and loads
   * the classes the server's retry path needs while no descriptor is free.
   */
  private static void warmUp(boolean chat) throws IOException {
    try (Server s = chat ? ChatServer.start(0) : EchoServer.start(0)) {
      roundTrip(s.port(), chat);
    }
    try (AsyncRuntime rt = AsyncRuntime.builder().currentThread().build()) {
      rt.blockOn(Time.sleep(Duration.ofMillis(1)));
    }
    new OpenSockets().acceptFailed(new IOException("warm-up"));
    Duration.ofMillis(5).multipliedBy(2).compareTo(Duration.ofMillis(200));
  }

  private static void roundTrip(int port, boolean chat) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      exchange(s, chat);
    }
  }

  /** One exchange with the server: an echo, or the chat server's welcome and a join. */
  private static void exchange(Socket s, boolean chat) throws IOException {
    s.setSoTimeout(20_000);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
    if (chat) {
      String welcome = in.readLine();
      if (welcome == null || !welcome.startsWith("welcome")) {
        throw new IOException("no welcome: " + welcome);
      }
      out.println("join room");
      expect(in, "joined room");
    } else {
      out.println("ping");
      expect(in, "ping");
    }
  }

  private static void expect(BufferedReader in, String line) throws IOException {
    String got = in.readLine();
    if (!line.equals(got)) {
      throw new IOException("expected '" + line + "', got '" + got + "'");
    }
  }

  /** What each open descriptor points at ("socket:[1234]", a jar's path, a pipe). */
  private static List<String> fds() throws IOException {
    List<String> targets = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        try {
          targets.add(p.getFileName() + " -> " + Files.readSymbolicLink(p));
        } catch (IOException e) {
          // the listing's own descriptor, closed by now
        }
      }
    }
    return targets;
  }
}
