/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;

/**
 * A state of the machine being built: the code of one {@code case} of the poll switch, the
 * exception region it runs in, and where it resumes in the source.
 *
 * <p>States are numbered only once the graph is complete (in the order they are emitted), so code
 * refers to a state by the object itself: written as {@code $L}, a state prints its final number.
 */
final class State {
  private int number = -1;
  private String comment;
  private int line;
  private final CodeBlock.Builder code = CodeBlock.builder();
  /** Whether the code ends in a jump, return or throw: nothing more can be appended. */
  private boolean terminated;
  /** The state a terminated state falls through to (no {@code continue} needed if adjacent). */
  private State fallsThroughTo;
  private Frame frame;
  private boolean activated;

  void describe(String comment, int line) {
    this.comment = comment;
    this.line = line;
  }

  String comment() {
    return comment;
  }

  int line() {
    return line;
  }

  /** Appends code, unless the state already ended. */
  void add(CodeBlock c) {
    if (!terminated) {
      code.add(c);
    }
  }

  CodeBlock code() {
    return code.build();
  }

  boolean terminated() {
    return terminated;
  }

  void terminate() {
    terminated = true;
  }

  /** Ends the state with {@code state = next;}, falling through when {@code next} follows it. */
  void fallThrough(CodeBlock assignment, State next) {
    if (!terminated) {
      code.add(assignment);
      fallsThroughTo = next;
      terminated = true;
    }
  }

  State fallsThroughTo() {
    return fallsThroughTo;
  }

  Frame frame() {
    return frame;
  }

  boolean activated() {
    return activated;
  }

  /** Marks the state part of the machine, running in the exception region {@code frame}. */
  void activate(Frame frame) {
    this.frame = frame;
    this.activated = true;
  }

  void number(int n) {
    number = n;
  }

  int number() {
    return number;
  }

  /** The state's final number: how code written as {@code $L} refers to it. */
  @Override
  public String toString() {
    return Integer.toString(number);
  }
}
