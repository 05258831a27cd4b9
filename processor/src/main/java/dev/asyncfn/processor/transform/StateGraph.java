/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import dev.asyncfn.processor.model.LineMarkers;
import java.util.ArrayList;
import java.util.List;

/**
 * The states of the machine being built and the one code is being added to. States are emitted
 * in the order they were activated (so the code reads in source order and a state usually falls
 * through into the next), then the detached ones (trampolines, the return state) that are only
 * ever jumped to.
 */
final class StateGraph {
  private final String stateField;
  private final List<State> created = new ArrayList<>();
  private final List<State> order = new ArrayList<>();
  private State current;
  /** The user's line that the code being added runs, or 0 when unknown. */
  private int line;

  StateGraph(String stateField) {
    this.stateField = stateField;
  }

  /** A new state, not yet part of the machine. */
  State newState() {
    State s = new State();
    created.add(s);
    return s;
  }

  /** Makes {@code s} part of the machine, in region {@code frame}, and the one code goes to. */
  void activate(State s, Frame frame) {
    s.activate(frame);
    order.add(s);
    current = s;
  }

  /** Activates {@code s} in the current state's region. */
  void activateHere(State s) {
    activate(s, current.frame());
  }

  /** Makes {@code s} part of the machine without making it current: it is only jumped to. */
  void detach(State s) {
    s.activate(null);
  }

  State current() {
    return current;
  }

  /**
   * Makes the code added from now on run line {@code line} of the user's file (ignored when not
   * positive); returns the line it ran before, to restore.
   */
  int at(int line) {
    int before = this.line;
    if (line > 0) {
      this.line = line;
    }
    return before;
  }

  /** Appends a line to the current state, unless it already ended; marked with its user line. */
  void line(String format, Object... args) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (line > 0) {
      b.add("$L", LineMarkers.of(line));
    }
    current.add(b.add(format, args).add("\n").build());
  }

  /** Appends code (ending in its own newline) to the current state. */
  void add(CodeBlock code) {
    current.add(code);
  }

  /** Ends the current state with a transition to {@code target}, falling through if adjacent. */
  void gotoState(State target) {
    current.fallThrough(CodeBlock.of("$N = $L;\n", stateField, target), target);
  }

  /** Whether the current state ended (a jump, a return, a throw). */
  boolean terminated() {
    return current.terminated();
  }

  /** Marks the current state ended: its code never completes normally. */
  void terminate() {
    current.terminate();
  }

  /** The states to emit, in order, each numbered by its position. */
  List<State> number() {
    List<State> emitted = new ArrayList<>(order);
    for (State s : created) {
      if (s.activated() && !order.contains(s)) {
        emitted.add(s);
      }
    }
    for (int i = 0; i < emitted.size(); i++) {
      emitted.get(i).number(i);
    }
    return emitted;
  }
}
