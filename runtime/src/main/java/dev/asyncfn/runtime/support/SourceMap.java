/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.support;

import java.util.Arrays;

/**
 * Where a generated state machine's code comes from: the user's class, method and file, the source
 * line each state resumes at, and for each line of the machine's source that runs the user's code,
 * the user's line. Each machine has one, built once in a {@code static final} field; {@link
 * Machines#trace} uses it to make a failure's frames read as the synchronous twin's.
 *
 * <p>Thread safety: immutable.
 */
public final class SourceMap {
  private final String machineClass;
  private final String userClass;
  private final String method;
  private final String file;
  private final int[] stateLines;
  private final int[] generatedLines;
  private final int[] sourceLines;

  private SourceMap(
      String machineClass,
      String userClass,
      String method,
      String file,
      int[] stateLines,
      int[] generatedLines,
      int[] sourceLines) {
    this.machineClass = machineClass;
    this.userClass = userClass;
    this.method = method;
    this.file = file;
    this.stateLines = stateLines;
    this.generatedLines = generatedLines;
    this.sourceLines = sourceLines;
  }

  /**
   * The map of {@code machine}, generated from method {@code method} of {@code userClass} (a
   * binary name) in {@code file}. {@code stateLines[s]} is the line state {@code s} resumes at;
   * {@code table} lists pairs of a generated line and the user's line it runs, by generated line.
   */
  public static SourceMap of(
      Class<?> machine,
      String userClass,
      String method,
      String file,
      int[] stateLines,
      int[] table) {
    if (table.length % 2 != 0) {
      throw new IllegalArgumentException("a line table holds pairs: " + table.length + " numbers");
    }
    int[] generated = new int[table.length / 2];
    int[] source = new int[table.length / 2];
    for (int i = 0; i < generated.length; i++) {
      generated[i] = table[2 * i];
      source[i] = table[2 * i + 1];
      if (i > 0 && generated[i] <= generated[i - 1]) {
        throw new IllegalArgumentException("a line table is sorted by generated line: " + generated[i]);
      }
    }
    return new SourceMap(
        machine.getName(), userClass, method, file, stateLines.clone(), generated, source);
  }

  /** The binary name of the machine class. */
  public String machineClass() {
    return machineClass;
  }

  /** The user's line that line {@code generatedLine} of the machine runs, or -1 when none. */
  public int sourceLine(int generatedLine) {
    int i = Arrays.binarySearch(generatedLines, generatedLine);
    return i >= 0 ? sourceLines[i] : -1;
  }

  /** The line state {@code state} resumes at (the await's), or -1 for a completed machine. */
  public int stateLine(int state) {
    return state >= 0 && state < stateLines.length ? stateLines[state] : -1;
  }

  /** The synchronous twin's frame at {@code line}: {@code at shop.Orders.price(Orders.java:15)}. */
  public StackTraceElement frame(int line) {
    return new StackTraceElement(userClass, method, file, line);
  }

  /** The twin's frame of a machine suspended in {@code state}, or null when it is not. */
  public StackTraceElement suspendedAt(int state) {
    int line = stateLine(state);
    return line < 0 ? null : frame(line);
  }

  /** Whether {@code e} is a frame of the machine or already the twin's frame it maps to. */
  boolean isOwnFrame(StackTraceElement e) {
    return e.getClassName().equals(machineClass)
        || (e.getClassName().equals(userClass)
            && e.getMethodName().equals(method)
            && file.equals(e.getFileName()));
  }

  /** {@code @Async Orders.total at line 41}: where the machine is, for toString and task dumps. */
  public String describe(int state) {
    String simple = userClass.substring(userClass.lastIndexOf('.') + 1).replace('$', '.');
    int line = stateLine(state);
    return line < 0
        ? "@Async " + simple + "." + method + " (completed)"
        : "@Async " + simple + "." + method + " at line " + line + " (state " + state + ")";
  }
}
