/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import java.io.PrintStream;
import java.util.List;

/** One runnable sample: a name for the command line, a one-line summary, and its program. */
interface Sample {

  /** The command-line name, e.g. {@code seq-vs-concurrent}. */
  String name();

  /** One line for {@code --help}. */
  String summary();

  /**
   * Runs the sample and returns the process exit code.
   *
   * @param args the arguments after the sample's name
   * @param out where the sample prints its results (tests capture it)
   */
  int run(List<String> args, PrintStream out) throws Exception;

  /**
   * Runs a short demonstration for the tour, against what the tour started on loopback; by default
   * {@link #run} without arguments. Returns the exit code.
   */
  default int tour(Tour.Env env, PrintStream out) throws Exception {
    return run(List.of(), out);
  }
}
