/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks a failing program to a small one that fails the same way (same {@link Verdict#key}):
 * greedy delta debugging over the {@link Reductions} of the program, taking the first smaller
 * candidate that keeps the failure and going on from there until none does or the time is up.
 *
 * <p>Every candidate is judged by {@link DifferentialRunner#verdictOf} (or, in its own test, a
 * stand-in {@link Judge}), so an invalid candidate (one javac rejects without the processor) never
 * counts as keeping a rejection.
 */
final class Minimiser {

  /** A minimised program and what it took. */
  record Result(
      Program program, String source, Verdict verdict, int linesBefore, int linesAfter,
      int runs) {}

  /** What a candidate gives for the method being minimised. */
  @FunctionalInterface
  interface Judge {
    Verdict verdictOf(Program candidate, String method);
  }

  private final Judge judge;
  private final Duration budget;

  Minimiser(DifferentialRunner runner) {
    this(runner::verdictOf, Duration.ofMinutes(3));
  }

  Minimiser(Judge judge, Duration budget) {
    this.judge = judge;
    this.budget = budget;
  }

  /** Minimises {@code p} keeping {@code method}'s verdict {@code target}. */
  Result minimise(Program p, String method, Verdict target) {
    long deadline = System.nanoTime() + budget.toNanos();
    Program current = p;
    Verdict verdict = target;
    int runs = 0;
    int start = 0;
    // Sources already judged not to keep the failure: candidates recur from round to round.
    Set<String> rejected = new HashSet<>();
    boolean progress = true;
    while (progress && System.nanoTime() < deadline) {
      progress = false;
      List<Program> candidates = Reductions.of(current, method);
      int size = size(current);
      for (int k = 0; k < candidates.size() && System.nanoTime() < deadline; k++) {
        int i = (start + k) % candidates.size();
        Program candidate = candidates.get(i);
        String text = ProgramPrinter.print(candidate).text();
        if (text.length() >= size || rejected.contains(text)) {
          continue;
        }
        runs++;
        Verdict v = judge.verdictOf(candidate, method);
        if (v.key().equals(target.key())) {
          current = candidate;
          verdict = v;
          start = i;
          progress = true;
          break;
        }
        rejected.add(text);
      }
    }
    return new Result(current, ProgramPrinter.print(current).text(), verdict, lines(p),
        lines(current), runs);
  }

  private static int size(Program p) {
    return ProgramPrinter.print(p).text().length();
  }

  private static int lines(Program p) {
    return ProgramPrinter.print(p).text().split("\n").length;
  }
}
