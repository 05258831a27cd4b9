/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Command-line entry point: {@code java -jar asyncfn-samples.jar [sample] [args]}. Without arguments
 * it runs the {@code tour}; {@code --help} lists the samples.
 */
public final class Main {
  private Main() {}

  /** Every sample, in the order {@code --help} lists them and the tour runs them. */
  static final List<Sample> SAMPLES =
      List.of(
          new EchoServer(),
          new EchoClient(),
          new HttpGet(),
          new ConcurrentGet(),
          new TimeoutSample(),
          new JoinDownloads(),
          new JdkClient(),
          new SeqVsConcurrent(),
          new SpawnBlocking(),
          new ChatServer(),
          new ChatClient(),
          new MergedLines(),
          new HandMade());

  public static void main(String[] args) throws Exception {
    System.exit(run(Arrays.asList(args), System.out));
  }

  /** Runs the command line {@code args}, printing to {@code out}; returns the exit code. */
  static int run(List<String> args, PrintStream out) throws Exception {
    String name = args.isEmpty() ? "tour" : args.get(0);
    if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
      printHelp(out);
      return 0;
    }
    Map<String, Sample> byName =
        all().stream().collect(Collectors.toMap(Sample::name, Function.identity()));
    Sample sample = byName.get(name);
    if (sample == null) {
      out.println("unknown sample '" + name + "'");
      printHelp(out);
      return 2;
    }
    try {
      return sample.run(args.isEmpty() ? List.of() : args.subList(1, args.size()), out);
    } catch (IllegalArgumentException e) {
      out.println(name + ": " + e.getMessage());
      return 2;
    } catch (IOException e) {
      // Futures rethrow I/O failures unchanged, so a refused connection arrives here as itself.
      out.println(name + ": " + e);
      return 1;
    }
  }

  static List<Sample> all() {
    return java.util.stream.Stream.concat(SAMPLES.stream(), java.util.stream.Stream.of(new Tour()))
        .collect(Collectors.toList());
  }

  private static void printHelp(PrintStream out) {
    out.println("usage: java -jar asyncfn-samples.jar [sample] [args...]   (default: tour)");
    out.println();
    for (Sample s : all()) {
      out.printf("  %-20s %s%n", s.name(), s.summary());
    }
  }
}
