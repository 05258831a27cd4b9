/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import dev.asyncfn.testing.Compiled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long random-program run ({@code processor/fuzz/run}): generates programs until it has
 * {@code --methods} methods, runs them in batches through {@link DifferentialRunner}, prints the
 * counts per class as it goes, writes every failing method's program, generated code and both
 * outcomes under {@code --out}, and minimises the first examples of each distinct failure.
 *
 * <pre>
 * --methods N     methods to run (default 10000)
 * --seed S        run seed; program k has seed S * 100000 + k (default 1)
 * --program P     run only the program of seed P
 * --programs FILE run only the programs whose seeds FILE lists, one a line (a seed may be followed
 *                 by anything, as in programs.txt: grep -v pass programs.txt re-runs the failures)
 * --batch B       methods per javac run (default 150)
 * --minimise K    examples minimised per distinct failure (default 2; 0 for none)
 * --out DIR       where findings go (default processor/target/fuzz/seed-S)
 * --plain         only check that the programs are valid Java (the generator's own test)
 * --print P       print the source of the program of seed P and exit
 * </pre>
 */
public final class FuzzMain {

  private FuzzMain() {}

  /** Command-line options. */
  record Options(int methods, long seed, Long program, Path programs, int batch, int minimise,
      Path out, boolean plain) {

    static Options parse(String[] args) {
      int methods = 10_000;
      long seed = 1;
      Long program = null;
      Path programs = null;
      int batch = 150;
      int minimise = 2;
      Path out = null;
      boolean plain = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--methods" -> methods = Integer.parseInt(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--program" -> program = Long.parseLong(args[++i]);
          case "--programs" -> programs = Path.of(args[++i]);
          case "--batch" -> batch = Integer.parseInt(args[++i]);
          case "--minimise" -> minimise = Integer.parseInt(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--plain" -> plain = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; see the Javadoc of FuzzMain");
        }
      }
      if (out == null) {
        out = Path.of("processor/target/fuzz/seed-" + (program != null ? "p" + program : seed));
      }
      return new Options(methods, seed, program, programs, batch, minimise, out, plain);
    }
  }

  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals("--print")) {
      System.out.print(ProgramPrinter.print(ProgramGenerator.generate(Long.parseLong(args[1])))
          .text());
      return;
    }
    Options o = Options.parse(args);
    long start = System.nanoTime();
    List<Program> programs = new ArrayList<>();
    int methods = 0;
    if (o.program() != null) {
      programs.add(ProgramGenerator.generate(o.program()));
    } else if (o.programs() != null) {
      for (String line : readLines(o.programs())) {
        if (!line.isBlank()) {
          programs.add(ProgramGenerator.generate(Long.parseLong(line.trim().split("\\s+")[0])));
        }
      }
    } else {
      for (int k = 0; methods < o.methods(); k++) {
        Program p = ProgramGenerator.generate(o.seed() * 100_000 + k);
        programs.add(p);
        methods += p.methods().size();
      }
    }
    if (o.plain()) {
      plain(programs, start);
      return;
    }
    DifferentialRunner runner = new DifferentialRunner(Duration.ofSeconds(10));
    Tally tally = new Tally();
    Findings findings = new Findings(o.out());
    List<Program> batch = new ArrayList<>();
    int inBatch = 0;
    for (int i = 0; i < programs.size(); i++) {
      batch.add(programs.get(i));
      inBatch += programs.get(i).methods().size();
      if (inBatch >= o.batch() || i == programs.size() - 1) {
        for (DifferentialRunner.MethodResult r : runner.run(batch)) {
          tally.add(r);
          if (r.verdict().failed()) {
            findings.write(r);
          }
        }
        System.out.printf("%6d methods  %s  (%d s)%n", tally.total(), tally.counts(),
            elapsed(start));
        batch.clear();
        inBatch = 0;
      }
    }
    String summary = tally.summary(elapsed(start));
    System.out.println(summary);
    findings.writeSummary(summary);
    findings.writePrograms(tally.programs());
    if (o.minimise() > 0) {
      Minimiser minimiser = new Minimiser(runner);
      for (List<DifferentialRunner.MethodResult> examples : tally.examples().values()) {
        for (DifferentialRunner.MethodResult r : examples.subList(0,
            Math.min(o.minimise(), examples.size()))) {
          System.out.printf("minimising %s %s (%s)%n", r.program().packageName(), r.method(),
              r.verdict().key());
          Minimiser.Result m = minimiser.minimise(r.program(), r.method(), r.verdict());
          findings.writeMinimised(r, m);
          System.out.printf("  %d -> %d lines in %d runs (%d s)%n", m.linesBefore(),
              m.linesAfter(), m.runs(), elapsed(start));
        }
      }
    }
    System.out.println("findings in " + o.out().toAbsolutePath());
  }

  /** Compiles the programs without the processor, in batches, and shows every invalid one. */
  private static void plain(List<Program> programs, long start) {
    DifferentialRunner runner = new DifferentialRunner(Duration.ofSeconds(10));
    int invalid = 0;
    int total = 0;
    for (int i = 0; i < programs.size(); i += 40) {
      List<Program> batch = programs.subList(i, Math.min(programs.size(), i + 40));
      Compiled c = runner.compilePlain(batch);
      for (Program p : batch) {
        total += p.methods().size();
        String path = DifferentialRunner.path(p);
        List<dev.asyncfn.testing.CompileDiagnostic> errors =
            c.errors().stream().filter(d -> path.equals(d.file())).toList();
        if (!errors.isEmpty()) {
          invalid++;
          System.out.println("INVALID program " + p.seed() + ":\n" + errors.get(0) + "\n"
              + numbered(ProgramPrinter.print(p).text(), errors.get(0).line()));
        }
      }
      if (!c.success() && c.errors().stream().allMatch(d -> d.file() == null)) {
        // javac itself crashed (no position): find the programs that make it crash.
        for (Program p : batch) {
          Compiled alone = runner.compilePlain(p);
          if (!alone.success()) {
            invalid++;
            System.out.println("INVALID program " + p.seed() + " (javac fails):\n"
                + alone.report());
          }
        }
      }
    }
    System.out.printf("%d programs (%d methods), %d invalid (%d s)%n", programs.size(), total,
        invalid, elapsed(start));
  }

  private static String numbered(String text, long around) {
    StringBuilder sb = new StringBuilder();
    String[] lines = text.split("\n");
    for (int i = (int) Math.max(0, around - 6); i < Math.min(lines.length, around + 3); i++) {
      sb.append(String.format("%4d%s %s%n", i + 1, i + 1 == around ? ">" : " ", lines[i]));
    }
    return sb.toString();
  }

  /** The arguments as Java source, e.g. {@code (short) 3, null, "bc"}. */
  static String javaLiterals(List<Object> args) {
    List<String> out = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof String s) {
        out.add('"' + s + '"');
      } else if (a instanceof Character c) {
        out.add("'" + c + "'");
      } else if (a instanceof Long l) {
        out.add(l + "L");
      } else if (a instanceof Short sh) {
        out.add("(short) " + sh);
      } else if (a instanceof Byte b) {
        out.add("(byte) " + b);
      } else {
        out.add(String.valueOf(a));
      }
    }
    return String.join(", ", out);
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000_000L;
  }

  /** Counts per class and per signature, with the examples of each signature. */
  static final class Tally {
    private final Map<Verdict.Kind, Integer> counts = new LinkedHashMap<>();
    private final Map<Long, List<String>> programs = new LinkedHashMap<>();
    private final Map<String, List<DifferentialRunner.MethodResult>> examples =
        new LinkedHashMap<>();
    private int total;

    Tally() {
      for (Verdict.Kind k : Verdict.Kind.values()) {
        counts.put(k, 0);
      }
    }

    void add(DifferentialRunner.MethodResult r) {
      total++;
      List<String> failures =
          programs.computeIfAbsent(r.program().seed(), k -> new ArrayList<>());
      if (r.verdict().failed()) {
        failures.add(r.method() + " " + r.verdict().key());
      }
      counts.merge(r.verdict().kind(), 1, Integer::sum);
      if (r.verdict().failed()) {
        examples.computeIfAbsent(r.verdict().key(), k -> new ArrayList<>()).add(r);
      }
    }

    int total() {
      return total;
    }

    /** Per program seed, its failing methods with their verdicts (empty: every method passed). */
    Map<Long, List<String>> programs() {
      return programs;
    }

    Map<String, List<DifferentialRunner.MethodResult>> examples() {
      return examples;
    }

    String counts() {
      StringBuilder sb = new StringBuilder();
      counts.forEach((k, v) -> sb.append(k.toString().toLowerCase(java.util.Locale.ROOT))
          .append(' ').append(v).append("  "));
      return sb.toString().trim();
    }

    String summary(long seconds) {
      StringBuilder sb = new StringBuilder();
      sb.append(total).append(" methods in ").append(seconds).append(" s: ").append(counts())
          .append('\n');
      examples.forEach((key, rs) -> {
        sb.append(String.format("%6d  %s%n", rs.size(), key));
        DifferentialRunner.MethodResult first = rs.get(0);
        sb.append("        e.g. --program ").append(first.program().seed()).append(" ")
            .append(first.method()).append('\n');
      });
      return sb.toString();
    }
  }

  /** Writes findings under the output folder. */
  static final class Findings {
    private final Path out;
    private int n;

    Findings(Path out) {
      this.out = out;
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void write(DifferentialRunner.MethodResult r) {
      Path dir = out.resolve(String.format("%s/%05d-s%d-%s",
          r.verdict().kind().toString().toLowerCase(java.util.Locale.ROOT), ++n,
          r.program().seed(), r.method()));
      write(dir.resolve(r.program().className() + ".java"), r.source());
      write(dir.resolve("verdict.txt"), r.verdict().key() + "\n\n" + r.verdict().details());
      r.generated().forEach((path, text) ->
          write(dir.resolve("generated").resolve(path.substring(path.lastIndexOf('/') + 1)),
              text));
    }

    void writeMinimised(DifferentialRunner.MethodResult r, Minimiser.Result m) {
      Path dir = out.resolve("minimised").resolve(String.format("s%d-%s", r.program().seed(),
          r.method()));
      write(dir.resolve(r.program().className() + ".java"), m.source());
      write(dir.resolve("verdict.txt"), m.verdict().key() + "\n\n" + m.verdict().details());
      write(dir.resolve("case.txt"), r.method() + "(" + javaLiterals(
          m.program().method(r.method()).args()) + ")\n");
    }

    void writeSummary(String summary) {
      write(out.resolve("summary.txt"), summary);
    }

    /** {@code programs.txt}: one line per program, "pass" or its failures (to choose seeds). */
    void writePrograms(Map<Long, List<String>> programs) {
      StringBuilder sb = new StringBuilder();
      programs.forEach((seed, failures) -> sb.append(seed).append(' ')
          .append(failures.isEmpty() ? "pass" : String.join("; ", failures)).append('\n'));
      write(out.resolve("programs.txt"), sb.toString());
    }

    private static void write(Path file, String text) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
