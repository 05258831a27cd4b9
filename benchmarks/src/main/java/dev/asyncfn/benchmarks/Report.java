/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code docs/BENCHMARKS.md} from the result lines of the load programs and JMH's CSV:
 * {@code Report --results FILE --jmh CSV --jdk TEXT --command TEXT --date TEXT --out FILE}.
 */
public final class Report {
  /** One measured figure: who, what, how much, and which direction is better. */
  record Row(
      String figure, String subject, String metric, double value, String unit, boolean higher) {
    boolean isAsyncfn() {
      return subject.startsWith("asyncfn");
    }

    /** The part of the subject in parentheses naming a variant (e.g. "1000 conns"), or "". */
    String variant() {
      int i = subject.lastIndexOf(" (");
      return figure.equals("echo") && i >= 0 ? subject.substring(i) : "";
    }
  }

  private final List<Row> rows = new ArrayList<>();

  private Report() {}

  public static void main(String[] args) throws IOException {
    List<String> list = List.of(args);
    Report report = new Report();
    String results = Load.stringOption(list, "--results", null);
    if (results != null && Files.exists(Path.of(results))) {
      report.readResults(Path.of(results));
    }
    String jmh = Load.stringOption(list, "--jmh", null);
    if (jmh != null && Files.exists(Path.of(jmh))) {
      report.readJmh(Path.of(jmh));
    }
    String md =
        report.markdown(
            Load.stringOption(list, "--jdk", "?"),
            Load.stringOption(list, "--command", "benchmarks/run"),
            Load.stringOption(list, "--date", "?"),
            Load.stringOption(list, "--machine", "?"));
    Files.writeString(Path.of(Load.stringOption(list, "--out", "BENCHMARKS.md")), md);
  }

  /** Reads result lines; a figure measured several times (separate runs) becomes its median. */
  private void readResults(Path file) throws IOException {
    Map<String, List<Row>> repeats = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("RESULT|")) {
        continue;
      }
      String[] f = line.split("\\|");
      Row row = new Row(f[1], f[2], f[3], Double.parseDouble(f[4]), f[5], f[6].equals("higher"));
      repeats.computeIfAbsent(f[1] + "|" + f[2] + "|" + f[3], k -> new ArrayList<>()).add(row);
    }
    for (List<Row> same : repeats.values()) {
      Row first = same.get(0);
      double median = Results.median(same.stream().mapToDouble(Row::value).toArray());
      rows.add(
          new Row(first.figure, first.subject, first.metric, median, first.unit, first.higher));
    }
  }

  private static final Map<String, String[]> JMH_NAMES =
      Map.ofEntries(
          Map.entry(
              "AwaitBenchmark.asyncfnAwaitReady",
              new String[] {"await", "asyncfn (@Async loop, ready future)"}),
          Map.entry(
              "AwaitBenchmark.asyncfnAwaitPendingWithWake",
              new String[] {"await", "asyncfn (@Async loop, suspend + wake each await)"}),
          Map.entry(
              "AwaitBenchmark.completableFutureThenApply",
              new String[] {"await", "CompletableFuture.thenApply (completed)"}),
          Map.entry(
              "PingPongBenchmark.asyncfnMpsc",
              new String[] {"pingpong", "asyncfn (Mpsc, current-thread runtime)"}),
          Map.entry(
              "PingPongBenchmark.virtualThreadsSynchronousQueue",
              new String[] {"pingpong", "virtual threads (SynchronousQueue, 1 carrier)"}),
          Map.entry(
              "PingPongBenchmark.completableFutureThenCompose",
              new String[] {"pingpong", "CompletableFuture.thenCompose (completed step by step)"}),
          Map.entry(
              "PingPongKotlinBenchmark.kotlinChannel",
              new String[] {"pingpong", "Kotlin coroutines (Channel(1), runBlocking)"}),
          Map.entry(
              "StreamBenchmark.asyncfnMapFilter",
              new String[] {"stream", "asyncfn (ready stream + map/filter)"}),
          Map.entry(
              "StreamBenchmark.asyncfnGenerator",
              new String[] {"stream", "asyncfn (generator + map/filter)"}),
          Map.entry(
              "StreamKotlinBenchmark.kotlinFlowMapFilter",
              new String[] {"stream", "Kotlin flow (asFlow + map/filter)"}),
          Map.entry(
              "StreamKotlinBenchmark.kotlinFlowGenerator",
              new String[] {"stream", "Kotlin flow (flow { emit } + map/filter)"}));

  private void readJmh(Path csv) throws IOException {
    for (String line : Files.readAllLines(csv)) {
      String[] f = line.split(",");
      if (f.length < 7 || !f[0].startsWith("\"dev.asyncfn.benchmarks.")) {
        continue;
      }
      String name = f[0].replace("\"", "").substring("dev.asyncfn.benchmarks.".length());
      boolean alloc = name.endsWith(":gc.alloc.rate.norm");
      if (name.contains(":") && !alloc) {
        continue;
      }
      String[] mapped = JMH_NAMES.get(alloc ? name.substring(0, name.indexOf(':')) : name);
      if (mapped == null) {
        continue;
      }
      double score = Double.parseDouble(f[4]);
      String metric =
          switch (mapped[0]) {
            case "await" -> alloc ? "bytes per await" : "time per await";
            case "stream" -> alloc ? "bytes per element" : "time per element";
            default -> alloc ? "bytes per round trip" : "time per round trip";
          };
      rows.add(new Row(mapped[0], mapped[1], metric, score, alloc ? "B" : "ns", false));
    }
  }

  private Optional<Row> find(String figure, String subjectPrefix, String metric) {
    return rows.stream()
        .filter(r -> r.figure.equals(figure))
        .filter(r -> r.subject.startsWith(subjectPrefix))
        .filter(r -> r.metric.equals(metric))
        .findFirst();
  }

  /** How many times better asyncfn is than {@code peer} (above 1: asyncfn wins). */
  private static double advantage(Row asyncfn, Row peer) {
    return asyncfn.higher ? asyncfn.value / peer.value : peer.value / asyncfn.value;
  }

  private String markdown(String jdk, String command, String date, String machine) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n")
        .append(
            "asyncfn measured side by side with what a Java user would pick instead, in one run")
        .append(" on one machine. Generated by `benchmarks/run`; do not edit by hand.\n\n")
        .append("- Date: ")
        .append(date)
        .append("\n")
        .append("- JDK: ")
        .append(jdk)
        .append("\n")
        .append("- Machine: ")
        .append(machine)
        .append("\n")
        .append("- Reproduce: `")
        .append(command)
        .append("`\n\n")
        .append("Each load-program figure is the median of several runs in one JVM after warm-up")
        .append(
            " (one JVM per figure; the memory figure one JVM per subject; echo: the median of"
                + " several client runs against one server JVM). JMH figures are")
        .append(" JMH's mean over its measurement iterations (bytes from `-prof gc`). The")
        .append(" \"asyncfn advantage\" column is how many times better asyncfn is than that row")
        .append(
            " (above 1: asyncfn wins; below 1: it loses). The machine is shared (2 cores, other")
        .append(" work running), so single figures are noisy; ratios measured in the same run are")
        .append(" what to read.\n\n");
    for (Figure f : Figure.ALL) {
      section(md, f);
    }
    md.append(Figure.NOT_MEASURED);
    return md.toString();
  }

  private void section(StringBuilder md, Figure f) {
    md.append("## ").append(f.title).append("\n\n").append(f.what).append("\n\n");
    Map<String, List<Row>> byMetric = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.figure.equals(f.id)) {
        byMetric.computeIfAbsent(r.metric, k -> new ArrayList<>()).add(r);
      }
    }
    if (byMetric.isEmpty()) {
      md.append("_Not measured in this run._\n\n");
      return;
    }
    md.append("| subject | metric | value | asyncfn advantage |\n|---|---|---:|---:|\n");
    for (List<Row> metricRows : byMetric.values()) {
      for (Row r : metricRows) {
        Row ref = reference(metricRows, r);
        String adv;
        if (r.isAsyncfn() || ref == null) {
          adv = "";
        } else if (r.unit.equals("B") && r.value < 1 && ref.value < 1) {
          adv = "both < 1 B";
        } else if (r.value == 0 || ref.value == 0) {
          adv = "";
        } else {
          adv = String.format(Locale.ROOT, "%.2f×", advantage(ref, r));
        }
        md.append("| ")
            .append(r.isAsyncfn() ? "**" + r.subject + "**" : r.subject)
            .append(" | ")
            .append(r.metric)
            .append(" | ")
            .append(format(r.value))
            .append(' ')
            .append(r.unit)
            .append(" | ")
            .append(adv)
            .append(" |\n");
      }
    }
    md.append('\n');
    // Losses grouped by peer, so each reason is given once.
    Map<String, List<String>> lossesByPeer = new LinkedHashMap<>();
    for (List<Row> metricRows : byMetric.values()) {
      for (Row r : metricRows) {
        Row ref = reference(metricRows, r);
        if (r.isAsyncfn() || ref == null || r.value == 0 || ref.value == 0) {
          continue;
        }
        if (r.unit.equals("B") && r.value < 1 && ref.value < 1) {
          continue;
        }
        double adv = advantage(ref, r);
        if (adv < 0.95) {
          lossesByPeer
              .computeIfAbsent(r.subject, k -> new ArrayList<>())
              .add(String.format(Locale.ROOT, "%s of %s %.2f×", r.metric, ref.subject, adv));
        }
      }
    }
    if (!lossesByPeer.isEmpty()) {
      md.append("Where asyncfn loses:\n\n");
      lossesByPeer.forEach(
          (peer, what) ->
              md.append("- against ")
                  .append(peer)
                  .append(": ")
                  .append(String.join("; ", what))
                  .append(". ")
                  .append(Figure.lossReason(f.id, peer))
                  .append('\n'));
      md.append('\n');
    }
    List<String> verdicts = f.verdicts(this);
    if (!verdicts.isEmpty()) {
      md.append("Targets (issue 6):\n\n");
      for (String v : verdicts) {
        md.append("- ").append(v).append('\n');
      }
      md.append('\n');
    }
  }

  /**
   * The asyncfn row {@code r} is compared with: the first of its metric (and echo variant), or the
   * one {@link Figure#asyncfnCounterpart} names.
   */
  private static Row reference(List<Row> metricRows, Row r) {
    String counterpart = Figure.asyncfnCounterpart(r.figure, r.subject);
    return metricRows.stream()
        .filter(Row::isAsyncfn)
        .filter(a -> a.variant().equals(r.variant()))
        .filter(a -> counterpart == null || a.subject.startsWith(counterpart))
        .findFirst()
        .orElse(null);
  }

  static String format(double v) {
    double a = Math.abs(v);
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", v / 1e6);
    }
    if (a >= 1e4) {
      return String.format(Locale.ROOT, "%.1f k", v / 1e3);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /**
   * A target check: {@code asyncfnSubject}'s metric against {@code peerSubject}'s (or against an
   * absolute bound when the peer is null). {@code want} is the required advantage (or the bound).
   */
  String check(
      String figure,
      String metric,
      String asyncfnSubject,
      String peerSubject,
      double want,
      String label,
      String whyMissed) {
    Optional<Row> a = find(figure, asyncfnSubject, metric);
    if (a.isEmpty()) {
      return label + ": not measured.";
    }
    boolean met;
    String got;
    if (peerSubject == null) {
      met = a.get().higher ? a.get().value >= want : a.get().value <= want;
      got = format(a.get().value) + " " + a.get().unit;
    } else {
      Optional<Row> p = find(figure, peerSubject, metric);
      if (p.isEmpty()) {
        return label + ": peer not measured (needs JDK 21+ or was skipped).";
      }
      double adv = advantage(a.get(), p.get());
      met = adv >= want;
      got = String.format(Locale.ROOT, "%.2f×", adv);
    }
    return label + ": " + got + " — " + (met ? "**met**" : "**missed**. " + whyMissed);
  }

  /** How many times longer javac takes with the processor than without, as a plain line. */
  String compileRatio() {
    Optional<Row> with = rows.stream().filter(r -> r.subject.startsWith("javac + ")).findFirst();
    Optional<Row> without =
        rows.stream().filter(r -> r.subject.startsWith("javac, no")).findFirst();
    if (with.isEmpty() || without.isEmpty()) {
      return "javac with/without the processor: not measured.";
    }
    return String.format(
            Locale.ROOT,
            "javac takes %.1f× as long with the processor as without it (no target in issue 6).",
            with.get().value / without.get().value)
        + " Profiled with JFR (javac with the processor on 500 methods, about 600 samples):"
        + " about half of the run is javac attributing and generating code, mostly the generated"
        + " machines (about 160 lines for a 12-line method; javac without the processor on the"
        + " sources plus the machines already generated takes about three quarters of a run with"
        + " it); entering every file again in each annotation-processing round about 12%"
        + " (companions in the first round, machines in the second, then one that generates"
        + " nothing); the processor about 20%, of which JavaPoet about 7% and javac's Filer about"
        + " 4%. Two fixes so far, measured together on 500 methods (medians of three alternated"
        + " runs, 7.7 s to 5.6 s): an await's output is read without a witness lambda passed to a"
        + " generic method, which javac inferred through for every await, and JavaPoet comes from"
        + " Palantir's fork, which no longer compiles a regular expression for each piece of code"
        + " it writes. Generating a machine in its companion's round (one round fewer) and smaller"
        + " machines (no pass-through states) would cut more.";
  }
}
