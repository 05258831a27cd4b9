/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the suite runnable: a tiny spawn figure produces result lines, and the report turns result
 * lines and JMH's CSV into tables with the right ratios. Runs in well under five seconds.
 */
class SmokeTest {
  @Test
  void spawnFigurePrintsResultLinesForEverySubject() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SpawnFigure.run(2_000, 1));
    } finally {
      System.setOut(original);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("RESULT|spawn|asyncfn|spawn+join rate|")),
        String.join("\n", lines));
    long subjects = lines.stream().filter(l -> l.contains("|spawn+join rate|")).count();
    assertEquals(VirtualThreads.available() ? 4 : 3, subjects, String.join("\n", lines));
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("RESULT|spawn|Kotlin coroutines (launch)|")),
        String.join("\n", lines));
  }

  @Test
  void kotlinSubjectsRunOnce() {
    List<String> lines =
        captureResults(
            () -> {
              MemoryFigure.run("kotlin-channel", 1_000, 1);
              MemoryFigure.run("kotlin-delay", 1_000, 1);
              WakeFigure.run(1_000, 1);
            });
    for (String prefix :
        List.of(
            "RESULT|memory|Kotlin coroutine (Channel.receive)|retained per suspended task|",
            "RESULT|memory|Kotlin coroutine (delay)|start until suspended|",
            "RESULT|wake|Kotlin coroutines (CompletableDeferred)|wake all|")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix)), String.join("\n", lines));
    }
    // Ball i comes back as i + 1.
    long rounds = PingPongBenchmark.ROUNDS;
    assertEquals(rounds * (rounds + 1) / 2, new PingPongKotlinBenchmark().kotlinChannel());
  }

  @Test
  void everyStreamSubjectComputesTheSameSum() {
    long expected = 0;
    for (int i = 0; i < StreamBenchmark.ELEMENTS; i++) {
      if (i * 2 % 3 != 0) {
        expected += i * 2;
      }
    }
    assertEquals(expected, new StreamBenchmark().asyncfnMapFilter());
    assertEquals(expected, new StreamBenchmark().asyncfnGenerator());
    assertEquals(expected, new StreamKotlinBenchmark().kotlinFlowMapFilter());
    assertEquals(expected, new StreamKotlinBenchmark().kotlinFlowGenerator());
  }

  @Test
  void kotlinTimersFireAndRecordLateness() throws Exception {
    int n = 200;
    long[] late = new long[n];
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(n);
    KotlinCoroutines.timers(n, i -> 1_000_000L * (i % 5), late, done);
    assertTrue(done.await(20, java.util.concurrent.TimeUnit.SECONDS), "timers did not all fire");
    for (long l : late) {
      assertTrue(l >= 0, "woke before its deadline: " + l);
    }
  }

  private static List<String> captureResults(org.junit.jupiter.api.function.Executable run) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(30), run);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void reportComputesRatiosAndVerdicts(@TempDir Path dir) throws Exception {
    Path results = dir.resolve("results.txt");
    Files.writeString(
        results,
        String.join(
            "\n",
            "noise that is not a result line",
            "RESULT|spawn|asyncfn|spawn+join rate|4.000e+06|tasks/s|higher",
            "RESULT|spawn|virtual threads|spawn+join rate|1.000e+06|tasks/s|higher",
            "RESULT|spawn|virtual threads|spawn+join rate|9.000e+06|tasks/s|higher",
            "RESULT|spawn|virtual threads|spawn+join rate|0.500e+06|tasks/s|higher",
            "RESULT|memory|asyncfn (timer)|retained per suspended task|200.0|B|lower",
            "RESULT|memory|virtual threads (park)|retained per suspended task|800.0|B|lower",
            "RESULT|memory|asyncfn (oneshot recv)|retained per suspended task|100.0|B|lower",
            "RESULT|memory|Kotlin coroutine (delay)|retained per suspended task|300.0|B|lower",
            "RESULT|memory|Kotlin coroutine (Channel.receive)|retained per suspended task|250.0|B"
                + "|lower"));
    Path csv = dir.resolve("jmh.csv");
    Files.writeString(
        csv,
        String.join(
            "\n",
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error"
                + " (99.9%)\",\"Unit\"",
            "\"dev.asyncfn.benchmarks.PingPongBenchmark.asyncfnMpsc\",\"avgt\",1,3,100.0,NaN,\"ns/op\"",
            "\"dev.asyncfn.benchmarks.PingPongBenchmark.virtualThreadsSynchronousQueue\","
                + "\"avgt\",1,3,500.0,NaN,\"ns/op\"",
            "\"dev.asyncfn.benchmarks.PingPongKotlinBenchmark.kotlinChannel\","
                + "\"avgt\",1,3,80.0,NaN,\"ns/op\""));
    Path out = dir.resolve("BENCHMARKS.md");
    Report.main(
        new String[] {
          "--results", results.toString(), "--jmh", csv.toString(), "--out", out.toString()
        });
    String md = Files.readString(out);
    assertTrue(md.contains("| virtual threads | spawn+join rate | 1.00 M tasks/s | 4.00× |"), md);
    assertTrue(md.contains("spawn+join ≥ 2× virtual threads: 4.00× — **met**"), md);
    assertEquals(1, md.lines().filter(l -> l.startsWith("| virtual threads |")).count(), md);
    assertTrue(md.contains("≤ 128 B retained per task parked on a timer: 200 B — **missed**"), md);
    assertTrue(md.contains("| time per round trip | 500 ns | 5.00× |"), md);
    assertTrue(md.contains("## 6. Echo server\n\n"), md);
    // Each Kotlin memory row is compared with the asyncfn row doing the same thing.
    assertTrue(
        md.contains("| Kotlin coroutine (delay) | retained per suspended task | 300 B | 1.50× |"),
        md);
    assertTrue(
        md.contains("| Kotlin coroutine (Channel.receive) | retained per suspended task | 250 B |"
            + " 2.50× |"),
        md);
    assertTrue(
        md.contains("ping-pong no slower than Kotlin's (Channel, one thread): 0.80× — **missed**"),
        md);
    assertTrue(!md.contains("Kotlin coroutines: not built"), md);
  }
}
