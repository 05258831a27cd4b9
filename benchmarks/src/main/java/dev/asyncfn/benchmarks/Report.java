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
              "AwaitBenchmark.asyncfnReady",
              new String[] {"await", "asyncfn (@Async loop)", "ready await"}),
          Map.entry(
              "AwaitBenchmark.asyncfnReadyOneClass",
              new String[] {"await", "asyncfn (@Async loop, futures of one class)", "ready await"}),
          Map.entry(
              "AwaitBenchmark.kotlinReadyOneClass",
              new String[] {
                "await", "Kotlin (suspend call that does not suspend, one class)", "ready await"
              }),
          Map.entry(
              "AwaitBenchmark.kotlinReady",
              new String[] {"await", "Kotlin (suspend call that does not suspend)", "ready await"}),
          Map.entry(
              "AwaitBenchmark.completableFutureReady",
              new String[] {"await", "CompletableFuture (thenCompose loop)", "ready await"}),
          Map.entry(
              "AwaitBenchmark.completableFutureThenApply",
              new String[] {"await", "CompletableFuture.thenApply + join", "ready await"}),
          Map.entry(
              "AwaitBenchmark.asyncfnPending",
              new String[] {"await", "asyncfn (@Async loop: pending, wake, re-poll)", "pending await"}),
          Map.entry(
              "AwaitBenchmark.kotlinPending",
              new String[] {"await", "Kotlin (suspend, resume)", "pending await"}),
          Map.entry(
              "AwaitBenchmark.completableFuturePending",
              new String[] {"await", "CompletableFuture (thenCompose loop, completed later)", "pending await"}),
          Map.entry(
              "AwaitBenchmark.asyncfnChainReady",
              new String[] {"await", "asyncfn (@Async calls)", "chain of 10 calls, ready leaf"}),
          Map.entry(
              "AwaitBenchmark.kotlinChainReady",
              new String[] {"await", "Kotlin (suspend calls)", "chain of 10 calls, ready leaf"}),
          Map.entry(
              "AwaitBenchmark.completableFutureChainReady",
              new String[] {"await", "CompletableFuture (thenApply per call)", "chain of 10 calls, ready leaf"}),
          Map.entry(
              "AwaitBenchmark.asyncfnChainPending",
              new String[] {"await", "asyncfn (@Async calls)", "chain of 10 calls, pending leaf"}),
          Map.entry(
              "AwaitBenchmark.kotlinChainPending",
              new String[] {"await", "Kotlin (suspend calls)", "chain of 10 calls, pending leaf"}),
          Map.entry(
              "AwaitBenchmark.completableFutureChainPending",
              new String[] {"await", "CompletableFuture (thenApply per call)", "chain of 10 calls, pending leaf"}),
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
            case "await" -> (alloc ? "bytes per " : "time per ") + mapped[2];
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
        .append(" on one machine. Generated by `benchmarks/run`; do not edit by hand (notes from")
        .append(" runs by hand are dated fixed text of `Report.java`).\n\n")
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
        .append("` (the user build of section 7 alone: `benchmarks/user-build [--quick]`)\n\n")
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
    md.append(HandRuns.before(f.id));
    if (table(md, f.id)) {
      List<String> verdicts = f.verdicts(this);
      if (!verdicts.isEmpty()) {
        md.append("Targets (issue 6):\n\n");
        for (String v : verdicts) {
          md.append("- ").append(v).append('\n');
        }
        md.append('\n');
      }
    } else {
      md.append("_Not measured in this run._\n\n");
    }
    md.append(HandRuns.after(f.id));
    if (f.id.equals("compile")) {
      userBuild(md);
    }
  }

  /** The user build of issue 18, a subsection of the compile-time section. */
  private void userBuild(StringBuilder md) {
    md.append("### User build: `mvn compile` of a project with 50 @Async methods (issue 18)\n\n")
        .append(USER_BUILD_WHAT)
        .append("\n\n");
    if (table(md, "user-build")) {
      md.append("Target (issue 18):\n\n- ").append(userBuildRatio()).append("\n\n");
    } else {
      md.append("_Not measured in this run._\n\n");
    }
  }

  /**
   * Writes the rows of figure {@code id} as a table, then where asyncfn loses and why; false when
   * the run has no row of that figure.
   */
  private boolean table(StringBuilder md, String id) {
    Map<String, List<Row>> byMetric = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.figure.equals(id)) {
        byMetric.computeIfAbsent(r.metric, k -> new ArrayList<>()).add(r);
      }
    }
    if (id.equals("await")) {
      // The ready awaits first, then the pending ones, then the chains (JMH sorts by name).
      Map<String, List<Row>> ordered = new LinkedHashMap<>();
      for (String kind : List.of("ready await", "pending await", "ready leaf", "pending leaf")) {
        byMetric.forEach(
            (metric, list) -> {
              if (metric.endsWith(kind)) {
                ordered.putIfAbsent(metric, list);
              }
            });
      }
      byMetric.forEach(ordered::putIfAbsent);
      byMetric = ordered;
    }
    if (byMetric.isEmpty()) {
      return false;
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
                  .append(Figure.lossReason(id, peer))
                  .append('\n'));
      md.append('\n');
    }
    return true;
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
    if (v == 0) {
      return "0"; // a count of none, not 0.00
    }
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
    double ratio = with.get().value / without.get().value;
    Optional<Row> perMethod =
        rows.stream()
            .filter(r -> r.figure.equals("compile") && r.subject.equals("asyncfn processor, CPU"))
            .findFirst();
    String cpu =
        perMethod
            .map(r -> String.format(Locale.ROOT, "%.1f ms of CPU per method", r.value))
            .orElse("CPU per method not measured");
    boolean met = ratio <= 4 && perMethod.isPresent() && perMethod.get().value <= 3;
    return String.format(
            Locale.ROOT,
            "javac takes %.1f× as long with the processor as without it, %s; issue 18's targets"
                + " (≤ 4× and ≤ 3 ms per method at 500 methods): ",
            ratio,
            cpu)
        + (met ? "**met**." : "**missed**.")
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
        + " it writes. "
        + COMPILE_2026_12_06_LATER;
  }

  static final String COMPILE_2026_12_06_EVENING =
      "That evening (hand runs, JDK 25, warm in-process javac on the user build's 50 methods, CPU"
          + " of javac's thread, medians of the last 10 of 20 alternated compiles), with the"
          + " processor handed to javac once loaded, so that its code is warm too: the 10 sources"
          + " alone 55 ms, with the 60 generated files and no processing 201 ms, with the"
          + " processor 385 ms; with the processor loaded from `-processorpath` for each compile"
          + " (as every build does) 574 ms. So compiling the generated code is 2.9 ms per method,"
          + " the processor's own work and the rounds it adds 3.7 ms per method, and loading and"
          + " warming the processor's classes (its 145 and JavaPoet's 35) 190 ms per compile,"
          + " more when javac is cold too, as in a user's build. The first lever named before"
          + " was tried by hand before writing it into the generator: the 60 files rewritten with"
          + " the fixed members and the state and awaited-future fields in a base class (11% fewer"
          + " lines, 14,540 to 12,980; clean under `-Xlint:all`) compiled 3% faster on JDK 17"
          + " (159 to 154 ms) and 8% on JDK 25 (146 to 135 ms), 1–2% of the build: not done, nor"
          + " the accessor class, which the shares above bound the same way. A JFR profile of"
          + " the warm compile with the processor (40 compiles, 15,851 samples at 1 ms): javac's"
          + " attribution 19%, entering the trees again in each round 11%, JavaPoet 8%,"
          + " `Elements.getTypeElement` 8% (javac's Filer checking each new file's name 3.6%, the"
          + " processor asking for types by names that name none 3.8%: each such question makes"
          + " javac attribute a qualified name). Next lever: the processor's cold start, which"
          + " is most of what a user's build pays: less code run before the JIT catches up (the"
          + " machines written as text without JavaPoet, which the generator mostly already"
          + " has), fewer classes to load.";

  static final String COMPILE_2026_12_06_LATER =
      "Later on 2026-12-06 (hand runs, JDK 17, warm in-process javac, CPU time of javac's"
          + " thread, medians of the last half of 12–16 alternated compiles): on the user build's"
          + " 50 methods (below), javac compiling the generated code is about 8 ms per method of"
          + " the processor's 12 (the 10 sources alone 156 ms, with the 60 generated files 565"
          + " ms). Cutting parts out of those files (each variant still compiles) puts the"
          + " machines' `poll` bodies at about 35% of that, the accessors of private members"
          + " 18%, the fixed members (`toString`, `suspendedAt`, `awaited`, `cancel`,"
          + " `complete`) 16% and their line tables 6%, and what every file costs however small"
          + " (imports, class, fields, constructor; the companions) 23%. A JFR profile of the"
          + " warm compile on 200 methods (about 5,000 samples): javac's own phases about 65%"
          + " (attribution 33%, of it generic-method inference 14%), the processor 28% (JavaPoet"
          + " 9%, name analysis 7%, the Filer 3.5%). Three changes then, output unchanged:"
          + " machines in the companions' round when no body names a companion (three rounds"
          + " instead of four), `Elements.getTypeElement` answers kept for the round (a miss is"
          + " a class-path search), and one JavaPoet rendering per machine instead of two. They"
          + " remove work but gain nothing measurable: against the processor before them, in one"
          + " session, on 500 methods 5.8 and 6.2 ms of CPU per method before and 5.8 and 6.3"
          + " after (two alternated runs each); the user build's 10 sources from the command line"
          + " (15 alternated runs) 3.73 s before and 3.59 s after, and with 300 plain classes"
          + " added to that module 5.25 s either way. (This run's figure against the previous"
          + " run's 12.0 ms per method is the machine: javac without the processor took 29% less"
          + " CPU too.) "
          + COMPILE_2026_12_06_EVENING;

  static final String USER_BUILD_WHAT =
      "`benchmarks/user-build` (run by `benchmarks/run`; `--quick` passes through): the build the"
          + " issue timed, a user's Maven project with 50 @Async methods in 10 classes. Its pom is"
          + " README.md's quick start (asyncfn-annotations and asyncfn-runtime as dependencies, the"
          + " processor on maven-compiler-plugin 3.13.0's `annotationProcessorPaths`, release 17)"
          + " with `-Xlint:all -Werror`; each class is a service with 5 @Async methods of 8–15"
          + " lines (locals, loops that await, try/catch and try-with-resources, if/else, calls"
          + " of the class's plain methods that return futures, private fields and helpers),"
          + " fixed text that compiles without the processor too. This reactor's parent pom,"
          + " annotations, runtime and processor are installed into a private local repository"
          + " (`benchmarks/target/user-build/m2`; released artifacts are copied from ~/.m2, nothing"
          + " goes to it). Timed: the wall time of `mvn -B -q -o compile` after one source is"
          + " touched, so that the compiler plugin recompiles the module (all 10 classes, which"
          + " the script checks), as it does on every edit; with the processor, and with"
          + " `-Dmaven.compiler.proc=none` on the same sources (the script checks that those runs"
          + " generate nothing), alternated: one warm-up pair, then three pairs (one with"
          + " `--quick`). The figures are the medians, the per-method row their difference divided"
          + " by 50. Every build is a new Maven JVM, so javac and the processor run cold, as in a"
          + " user's build; Maven runs on the machine's default JDK (named in the metric), not"
          + " necessarily the JDK above.";

  /** The user build with the processor against without it, checked against issue 18's target. */
  String userBuildRatio() {
    String label = "`mvn compile` with the processor ≤ 1.3× without it (issue 18)";
    Optional<Row> with =
        rows.stream()
            .filter(r -> r.figure.equals("user-build") && r.subject.startsWith("mvn compile + "))
            .findFirst();
    Optional<Row> without =
        rows.stream()
            .filter(r -> r.figure.equals("user-build") && r.subject.startsWith("mvn compile, "))
            .findFirst();
    if (with.isEmpty() || without.isEmpty()) {
      return label + ": not measured.";
    }
    double ratio = with.get().value / without.get().value;
    return label
        + String.format(Locale.ROOT, ": %.2f×", ratio)
        + " — "
        + (ratio <= 1.3 ? "**met**" : "**missed**. " + USER_BUILD_WHY);
  }

  static final String USER_BUILD_WHY =
      "Measured by hand on 2026-12-06 on this project (Maven and javac on JDK 17.0.15; the 2-core"
          + " machine at a load average of 5–8, so every figure here is rough). In single"
          + " alternated pairs the build took 1.6–2.3× as long with the processor (9.3–18.0 s"
          + " against 4.7–8.7 s). Maven's own part is about 3 s of either build: javac from the"
          + " command line on the 10 sources took 2.8–3.7 s without processing and 7.2–10.1 s"
          + " with it, the same compiles through Maven 5.6–6.4 s and 10.3–12.0 s (three"
          + " alternated runs). Of what the processor adds to javac (medians of another three"
          + " alternated runs: 3.5 s without processing, 8.4 s with it), about 1.8 s is javac"
          + " compiling the generated code: 60 classes of 14,040 lines for 1,550 lines of sources,"
          + " about 280 lines per 13-line method (its `poll` method 30% of them, Javadoc 17%,"
          + " imports 9%, accessors of the class's private members 9%, the rest the machine's"
          + " fields and fixed members), which compile with the sources, without processing, in"
          + " 5.3 s; the other 3 s are the processor's run in a cold JVM, over three rounds and an"
          + " empty last one (the sources, the companions, the machines). A JFR profile of"
          + " javac's thread with the processor (216 samples, one run) gives the processor's own"
          + " code 21%, JavaPoet 12% and the Filer 3%; parsing and entering files, first and again"
          + " in each new round, 29%; attribution 14%; writing class files 5%. In a cold JVM on 2"
          + " cores the JIT competes with javac: it compiled 6,787 methods (14.1 s of"
          + " compiler-thread time) in that javac run with the processor and 3,773 (5.5 s) in one"
          + " without. C1 only (`MAVEN_OPTS=-XX:TieredStopAtLevel=1`, which a user can put in"
          + " `.mvn/jvm.config`) made both builds about twice as fast (5.1–6.5 s and 3.3–3.6 s"
          + " against 10.8–18.0 s and 4.7–8.7 s, three alternated pairs each), but the ratio"
          + " stayed 1.4–2.0×. Later that day, with the machines in"
          + " the companions' round where no body names a companion (this project: three rounds"
          + " instead of four), the round's type lookups cached and one JavaPoet rendering per"
          + " machine (15 alternated javac runs from the command line on the 10 sources, medians):"
          + " 3.73 s to 3.59 s of wall time with the processor and 6.98 s to 6.64 s of CPU"
          + " (without it 1.37 s and 2.47 s), within the noise, and the processor's share of a"
          + " cold JFR profile from 33% to 27%. The ratio above did not move. Where the rest"
          + " goes, measured warm that evening, and the next lever (the processor's cold start,"
          + " not the generated code's size), as for the figure above.";

  /**
   * Text measured by hand outside {@code benchmarks/run} (dated, with its commands), printed as
   * written at its place in its section so that a regenerated BENCHMARKS.md keeps it: {@link
   * #before} after a section's description, {@link #after} after its targets.
   */
  static final class HandRuns {
    private HandRuns() {}

    static String before(String id) {
      return switch (id) {
        case "await" -> AWAIT_2026_12_06;
        case "pingpong" -> PINGPONG_2026_12_06;
        default -> "";
      };
    }

    static String after(String id) {
      return id.equals("memory") ? MEMORY_2026_12_06 : "";
    }

    static final String MEMORY_2026_12_06 =
        """
        ### Per-task bytes, re-measured 2026-12-06 (issue 18)

        _Hand runs on 2026-12-06, not by `benchmarks/run` (this subsection is fixed text of \
        `Report.java`, kept as measured that day; the table above is this file's run): \
        `java -Xmx6g [-XX:+UseCompactObjectHeaders] -cp benchmarks.jar \
        dev.asyncfn.benchmarks.Load memory asyncfn-timer --n 1000000 --reps 3` on JDK 25.0.3, \
        each build twice, alternated in one session, on a 2-core machine shared with other work \
        (load average 11–18)._

        Where the bytes of a started-and-parked timer task go, from a class histogram \
        (`GC.class_histogram`) of 300,000 parked tasks and JOL field layouts: three objects, \
        nothing else per task. The retained figure adds 2–4 B of heap the collector keeps as \
        filler and, before the injector change, up to 4 B per task of the injector's array, \
        grown by the burst of spawns and never shrunk.

        The changes were measured first on main as it was at 603f3c6 (08:43–08:50 UTC), where \
        the objects were the `Sleep` (its own timer entry) 48 B, the task cell 40 B and the \
        state machine 24 B, 112 B:

        | build | 12-byte headers (default) | compact headers |
        |---|---:|---:|
        | 603f3c6 | 114.5, 116.5 B | 116.5, 114.6 B |
        | `Sleep` 40 B (its three flags in one byte, its wheel level and slot as bytes); the \
        task's future and output in one field (b912dcf) | 106.0, 106.2 B | 100.5, 100.3 B |
        | the injector drops its array once drained after a burst (b9bc4b7) | 104.4, 104.4 B \
        | 96.5, 96.1 B |

        Then main gained task dumps (issue 15), which give every task cell an id, a name or \
        spawn site, and its spawn and last-poll times (28 B). Measured again after merging it \
        (09:08–09:15 UTC):

        | build | 12-byte headers (default) | compact headers |
        |---|---:|---:|
        | main at 4a62d8a (task 72 B, `Sleep` 48 B, machine 24 B: 144 B) | 148.6, 148.3 B \
        | 144.5, 140.9 B |
        | this branch merged with it (task 64 B, `Sleep` 40 B, machine 24 B: 128 B) \
        | **128.4, 128.1 B** | **128.2, 128.3 B** |

        Later that day (16:00 UTC, same command, 12-byte headers, alternated with the build \
        before it): the dumps' two times kept as 4-byte stamps (units of 2^24 ns) instead of \
        8-byte readings, the task cell 56 B: **120.2, 120.3 B** against 128.6, 128.2 B.

        In the first session a parked virtual thread retained 540 B.

        - ≤ 96 B retained per task parked on a timer (issue 18): **missed**, 120 B (24 B less \
        than main's 144 B; before the task dumps' fields it was 104 B, and 96 B with compact \
        headers). With the dumps' fields, compact headers gain nothing: the task cell is 52 B \
        of header and fields, padded to 56. Next levers, largest first: a state machine that \
        is its own task cell (Tokio's one allocation: a header and a pointer fewer, about \
        16 B), and the two registry links outside the task (8 B).
        - Start until suspended: still GC-bound, and the fewer bytes do not show through the \
        noise. In the first session asyncfn started 370k–954k timer tasks/s (median 0.74 M/s \
        over twelve runs) and virtual threads 94k–160k/s; with `-Xlog:gc`, one run of each \
        build of that session paused for young collections 56 and 61 times, 5.9 and 6.9 s in \
        all, during its four rounds of 10^6 tasks. The ratio to virtual threads (measured in \
        other JVMs of the same sessions) moves between about 2× and 10× with the load; the 10× \
        target needs a start path that does not keep every task's bytes live through young \
        collections (the Dec 4 measurement in the targets above: with a young generation large \
        enough for none, both start about 2.3 M/s).

        """;

    static final String AWAIT_2026_12_06 =
        """
        _A hand run on 2026-12-06 for issue 18, not by `benchmarks/run` (this note is fixed \
        text of `Report.java`; the table below is this file's run): one JMH run of the \
        redesigned benchmark on JDK 25.0.3, `java -jar benchmarks/target/benchmarks.jar -f 1 \
        -wi 3 -w 1s -i 5 -r 1s -prof gc AwaitBenchmark`; times are medians of the five 1-s \
        iterations, bytes JMH's `gc.alloc.rate.norm`. The machine was shared with four other \
        agents (load average 9–10 on 2 cores): read the ratios, not the nanoseconds. It gave \
        asyncfn 41.8 ns per ready await of three classes and 3.09 ns of one class (0.0644 and \
        0.0480 B), 86.5 ns per pending await (0.0966 B), 160 and 282 ns per chain of 10 calls \
        over a ready and a pending leaf (444 and 448 B); Kotlin 35.2 and 1.09 ns per ready \
        await (16.1 and 0.0480 B), 30.0 ns per pending await, 189 and 294 ns per chain (561 \
        and 546 B); CompletableFuture 8.47 ns per ready await in the `thenCompose` loop \
        (12.2 B) and 3.80 ns with `thenApply` + `join`, 85.0 ns per pending await (168 B), \
        82.4 and 391 ns per chain (103 and 672 B). A run twenty minutes earlier, at the same \
        load, gave the same bytes and times about half these for asyncfn (17.5 ns per ready \
        await of three classes, 36.5 ns per pending await, 74.8 and 126 ns per chain) and its \
        peers alike (Kotlin 19.3 / 21.8 / 112 / 263 ns; thenApply 3.20 ns)._

        The previous version of this benchmark (0.0373 ns per ready await, thenApply at 1.11 ns \
        with 8e-06 B) measured nothing: the loop awaited one always-ready future of one class \
        whose value the JIT saw, so it folded the loop away. Now every value is consumed and \
        comes from an array filled at set-up. Kotlin's 16 B per ready await of three classes \
        is the box of the `Int` its suspend function returns (`Boxing.boxInt` is \
        `new Integer`, 97% of its bytes in a JFR allocation profile), removed by escape \
        analysis when the call is inlined (one class). The asyncfn futures here return a \
        precomputed `Poll`; a future computing a fresh value allocates its `Poll` (16 B).

        """;

    static final String PINGPONG_2026_12_06 =
        """
        _A hand run on 2026-12-06 for issue 18, not by `benchmarks/run` (this note is fixed \
        text of `Report.java`; the table below is this file's run): one JMH run on JDK 25.0.3, \
        `java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -w 1s -i 4 -r 1s -prof gc \
        PingPong`, medians of the four iterations, load average 9–11 on 2 cores (shared). \
        Before the send change (same session, same command, the build just before it): \
        asyncfn 227 ns and **112.9 B** per round trip, Kotlin 352 ns and 54.1 B, virtual \
        threads 503 ns and 130 B, CompletableFuture 44.0 ns and 88.2 B. After: a send that \
        finds a free slot allocates only its 24 B future (no queue node), so **48.9 B** per \
        round trip (208 ns), below Kotlin's 54.0 B (381 ns); virtual threads 691 ns and 130 B, \
        CompletableFuture 52.0 ns and 88.2 B._

        """;
  }
}
