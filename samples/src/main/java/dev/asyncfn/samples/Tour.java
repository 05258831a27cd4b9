package dev.asyncfn.samples;

import java.io.PrintStream;
import java.util.List;

/** Runs a short demonstration of every sample, one after the other; the default sample. */
final class Tour implements Sample {
  @Override
  public String name() {
    return "tour";
  }

  @Override
  public String summary() {
    return "a short demonstration of every sample (the default)";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    long start = System.nanoTime();
    for (Sample sample : Main.SAMPLES) {
      out.println("== " + sample.name() + ": " + sample.summary());
      int code = sample.run(List.of(), out);
      if (code != 0) {
        out.println("sample " + sample.name() + " failed with exit code " + code);
        return code;
      }
      out.println();
    }
    out.printf("tour finished in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    return 0;
  }
}
