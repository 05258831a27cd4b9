/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every sample through the command line entry point and checks what it prints. */
class MainTest {

  record Run(int code, String out) {}

  static Run run(String... args) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
          int code = Main.run(List.of(args), out);
          return new Run(code, bytes.toString(StandardCharsets.UTF_8));
        });
  }

  @Test
  void helpListsEverySample() {
    Run r = run("--help");
    assertEquals(0, r.code());
    for (Sample s : Main.all()) {
      assertTrue(r.out().contains(s.name()), () -> "missing " + s.name() + " in:\n" + r.out());
    }
  }

  @Test
  void unknownSampleIsAnErrorWithHelp() {
    Run r = run("no-such-sample");
    assertEquals(2, r.code());
    assertTrue(r.out().contains("unknown sample 'no-such-sample'"), r.out());
    assertTrue(r.out().contains("usage:"), r.out());
  }

  @Test
  void seqVsConcurrentPrintsBothResults() {
    Run r = run("seq-vs-concurrent");
    assertEquals(0, r.code(), r.out());
    String both = "first done after 300 ms, second done after 300 ms";
    assertTrue(r.out().contains("sequential: " + both), r.out());
    assertTrue(r.out().contains("concurrent: " + both), r.out());
  }

  @Test
  void spawnBlockingSumsAgree() {
    Run r = run("spawn-blocking", "2000000");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("cooperative sum: 5999995"), r.out());
    assertTrue(r.out().contains("spawnBlocking sum: 5999995"), r.out());
    assertTrue(r.out().contains("sums agree"), r.out());
  }

  @Test
  void mergedLinesHandlesEveryLineOfEveryConnection() {
    Run r = run("merged-lines", "--clients", "5", "--lines", "300");
    assertEquals(0, r.code(), r.out());
    // each line is "client C says hello number I": six words
    assertTrue(r.out().contains("1500 lines from 5 connections, 9000 words"), r.out());
  }

  @Test
  void handMadeRunsBothVersions() {
    Run r = run("hand-made");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("hand-written: done, @Async: done"), r.out());
  }

  @Test
  void tourRunsEverySampleAndExitsZero() {
    Run r = run();
    assertEquals(0, r.code(), r.out());
    for (Sample s : Main.SAMPLES) {
      assertTrue(r.out().contains("== " + s.name()), () -> "tour skipped " + s.name());
    }
    assertTrue(r.out().contains("tour finished"), r.out());
  }
}
