/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.combinator.Selected2;
import dev.asyncfn.runtime.io.BufReader;
import dev.asyncfn.runtime.net.TcpStream;
import dev.asyncfn.runtime.time.Time;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The soak run behind {@code samples/soak} (not a sample of the tour): the echo server and the chat
 * server in this process under a mixed load for a fixed time, from a client runtime that keeps
 * {@link #SESSIONS} client tasks going, each doing one operation after another (echo round trips of
 * random sizes, echo round trips raced against a short timer, chat sessions that join a room, post
 * and read their posts back), and aborts random client tasks midway, replacing them. Every few
 * seconds it prints the heap after a full GC, the live tasks of the three runtimes, the open file
 * descriptors and the servers' open sockets; at the end it stops everything and compares the
 * descriptors with the start. Flat figures over a long run mean no leak: of memory, of tasks, of
 * sockets.
 */
final class Soak {
  static final int SESSIONS = 64;
  static final Duration REPORT_EVERY = Duration.ofSeconds(5);
  static final Duration TICK = Duration.ofMillis(20);

  private Soak() {}

  /** What the sessions did, since the start. */
  static final class Stats {
    final AtomicLong echoes = new AtomicLong();
    final AtomicLong echoBytes = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong chats = new AtomicLong();
    final AtomicLong posts = new AtomicLong();
    final AtomicLong aborts = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong mismatches = new AtomicLong();
  }

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 180;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
    Random random = new Random(seed);
    Stats stats = new Stats();
    System.out.println("soak: " + seconds + " s, " + SESSIONS + " client tasks, seed " + seed);
    warmUp();
    List<String> fdsAtStart = openFds();
    List<String> rows = new ArrayList<>();
    List<Long> heaps = new ArrayList<>();
    try (Server echo = EchoServer.start(0);
        Server chat = ChatServer.start(0);
        AsyncRuntime load =
            AsyncRuntime.builder()
                .multiThread()
                .workerThreads(2)
                .threadNamePrefix("soak")
                .build()) {
      List<JoinHandle<Void>> running = new ArrayList<>();
      long start = System.nanoTime();
      long end = start + Duration.ofSeconds(seconds).toNanos();
      long nextReport = start;
      String header =
          String.format(
              "%6s %10s %10s %5s %6s %8s %9s %8s %7s %7s %6s",
              "t(s)",
              "heap(KiB)",
              "liveTasks",
              "fds",
              "socks",
              "echoes",
              "timeouts",
              "chats",
              "posts",
              "aborts",
              "errors");
      System.out.println(header);
      while (System.nanoTime() < end) {
        running.removeIf(JoinHandle::isFinished);
        while (running.size() < SESSIONS) {
          running.add(
              load.spawn(SoakAsync.client(random.nextLong(), echo.port(), chat.port(), stats)));
        }
        if (random.nextInt(5) == 0) {
          running.get(random.nextInt(running.size())).abort();
          stats.aborts.incrementAndGet();
        }
        Thread.sleep(TICK.toMillis());
        if (System.nanoTime() >= nextReport) {
          long heap = heapAfterGc();
          heaps.add(heap);
          String row =
              String.format(
                  "%6d %10d %10d %5d %6d %8d %9d %8d %7d %7d %6d",
                  Duration.ofNanos(System.nanoTime() - start).toSeconds(),
                  heap / 1024,
                  echo.liveTasks() + chat.liveTasks() + load.liveTaskCount(),
                  openFds().size(),
                  echo.openSockets() + chat.openSockets(),
                  stats.echoes.get(),
                  stats.timeouts.get(),
                  stats.chats.get(),
                  stats.posts.get(),
                  stats.aborts.get(),
                  stats.errors.get());
          rows.add(row);
          System.out.println(row);
          nextReport += REPORT_EVERY.toNanos();
        }
      }
      for (JoinHandle<Void> h : running) {
        h.abort();
      }
    }
    List<String> fdsAtEnd = openFds();
    System.out.println(
        "stopped: descriptors "
            + fdsAtStart.size()
            + " at the start, "
            + fdsAtEnd.size()
            + " after the stop");
    if (fdsAtEnd.size() > fdsAtStart.size()) {
      List<String> extra = new ArrayList<>(fdsAtEnd);
      extra.removeAll(fdsAtStart);
      System.out.println("new descriptors: " + extra);
    }
    System.out.println(
        "echo bytes " + stats.echoBytes.get() + ", mismatched echoes " + stats.mismatches.get());
    System.out.println(verdict(heaps, fdsAtStart.size(), fdsAtEnd.size(), stats));
  }

  /**
   * A client task: one operation after another, until aborted: an echo, an echo raced against a
   * timer, or a chat session, chosen at random.
   */
  @Async
  static void client(long seed, int echoPort, int chatPort, Stats stats) {
    Random random = new Random(seed);
    while (true) {
      int kind = random.nextInt(10);
      if (kind < 4) {
        await(SoakAsync.echo(echoPort, payload(random), stats));
      } else if (kind < 6) {
        await(SoakAsync.echoWithin(echoPort, payload(random), 1 + random.nextInt(20), stats));
      } else {
        await(SoakAsync.chat(chatPort, "room" + random.nextInt(8), 1 + random.nextInt(10), stats));
      }
    }
  }

  static byte[] payload(Random random) {
    byte[] b = new byte[1 + random.nextInt(64 * 1024)];
    random.nextBytes(b);
    return b;
  }

  /** An echo round trip; the echo must be the payload. */
  @Async
  static void echo(int port, byte[] payload, Stats stats) {
    try {
      byte[] back = await(EchoClientAsync.roundTrip(port, payload));
      if (!Arrays.equals(payload, back)) {
        stats.mismatches.incrementAndGet();
      }
      stats.echoes.incrementAndGet();
      stats.echoBytes.addAndGet(payload.length);
    } catch (IOException e) {
      stats.errors.incrementAndGet();
    }
  }

  /** An echo round trip raced against a timer of {@code millis}: the loser is cancelled. */
  @Async
  static void echoWithin(int port, byte[] payload, long millis, Stats stats) {
    Selected2<Void, Void> winner =
        await(
            Futures.select(
                SoakAsync.echo(port, payload, stats), Time.sleep(Duration.ofMillis(millis))));
    if (winner.isSecond()) {
      stats.timeouts.incrementAndGet();
    }
  }

  /**
   * Joins {@code room}, posts {@code posts} lines and reads until it saw them all come back (with
   * whatever the room's other members posted meanwhile), within ten seconds.
   */
  @Async
  static void chat(int port, String room, int posts, Stats stats) {
    Selected2<Void, Void> winner =
        await(
            Futures.select(
                SoakAsync.chatSession(port, room, posts, stats),
                Time.sleep(Duration.ofSeconds(10))));
    if (winner.isSecond()) {
      stats.timeouts.incrementAndGet();
    }
  }

  @Async
  static void chatSession(int port, String room, int posts, Stats stats) {
    try (TcpStream stream = await(TcpStream.connect("127.0.0.1", port, Duration.ofSeconds(5)))) {
      BufReader reader = new BufReader(stream);
      String welcome = await(reader.readLine());
      String name = welcome.split(" ")[1];
      await(stream.writeAll(("join " + room + "\n").getBytes(UTF_8)));
      for (int i = 0; i < posts; i++) {
        await(stream.writeAll(("post " + room + " message " + i + "\n").getBytes(UTF_8)));
        stats.posts.incrementAndGet();
      }
      String mine = "[" + room + "] " + name + ": ";
      int seen = 0;
      while (seen < posts) {
        String line = await(reader.readLine());
        if (line == null) {
          stats.errors.incrementAndGet();
          return;
        }
        if (line.startsWith(mine)) {
          seen++;
        }
      }
      stats.chats.incrementAndGet();
    } catch (IOException e) {
      stats.errors.incrementAndGet();
    }
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Each open descriptor and what it points at; empty where there is no /proc (not Linux). */
  private static List<String> openFds() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    List<String> open = new ArrayList<>();
    if (!Files.isDirectory(fds)) {
      return open;
    }
    try (Stream<Path> s = Files.list(fds)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        try {
          open.add(p.getFileName() + " -> " + Files.readSymbolicLink(p));
        } catch (IOException e) {
          // the listing's own descriptor, closed by now
        }
      }
    }
    return open;
  }

  /** One short round of everything, so that what the JDK opens once is open at the baseline. */
  private static void warmUp() throws IOException {
    Stats scratch = new Stats();
    try (Server echo = EchoServer.start(0);
        Server chat = ChatServer.start(0);
        AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(2).build()) {
      rt.blockOn(SoakAsync.echo(echo.port(), new byte[1000], scratch));
      rt.blockOn(SoakAsync.echoWithin(echo.port(), new byte[1000], 1, scratch));
      rt.blockOn(SoakAsync.chat(chat.port(), "warm", 2, scratch));
    }
    heapAfterGc();
  }

  /**
   * Flat: the heap after GC in the last third of the run is within 20% (or 2 MiB) of the first
   * third's largest, the descriptors are back to where they were, and no echo came back wrong.
   */
  private static String verdict(List<Long> heaps, long fdsAtStart, long fdsAtEnd, Stats stats) {
    if (heaps.size() < 6) {
      return "verdict: too short to judge (" + heaps.size() + " reports)";
    }
    int third = heaps.size() / 3;
    long firstMax =
        heaps.subList(1, third + 1).stream().mapToLong(Long::longValue).max().getAsLong();
    long lastMax =
        heaps.subList(heaps.size() - third, heaps.size()).stream()
            .mapToLong(Long::longValue)
            .max()
            .getAsLong();
    boolean heapFlat = lastMax <= Math.max(firstMax * 6 / 5, firstMax + (2 << 20));
    boolean fdsBack = fdsAtEnd <= fdsAtStart;
    boolean echoesRight = stats.mismatches.get() == 0;
    return String.format(
        "verdict: %s (heap after GC: max %d KiB in the first third, %d KiB in the last;"
            + " descriptors %s; %s)",
        heapFlat && fdsBack && echoesRight ? "FLAT" : "NOT FLAT",
        firstMax / 1024,
        lastMax / 1024,
        fdsBack ? "back to the start" : "LEAKED " + (fdsAtEnd - fdsAtStart),
        echoesRight ? "every echo right" : stats.mismatches.get() + " WRONG ECHOES");
  }
}
