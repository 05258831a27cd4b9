/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * An exception region of the body: a try block (with its catch clauses and finally block), a
 * catch block or a resource's scope. A state runs in one frame; an exception thrown in it goes to
 * the frame's catches, then its finally block, then to the enclosing frame (the exception table,
 * see {@link ExceptionTable}).
 */
final class Frame {
  final Frame parent;
  /** The finally block (or resource close) of this region, or null. */
  final FinallyRegion fin;
  /** The catch clauses of a try block; empty for catch blocks and resource regions. */
  final List<CatchClause> catches;
  final String comment;

  Frame(Frame parent, FinallyRegion fin, List<CatchClause> catches, String comment) {
    this.parent = parent;
    this.fin = fin;
    this.catches = List.copyOf(catches);
    this.comment = comment;
  }

  /** A finally block or a resource close: its completion record and the state it starts in. */
  record FinallyRegion(String next, String thrown, State entry) {}

  /** A catch clause: the exception types it catches (source text) and the state of its block. */
  record CatchClause(List<CodeBlock> types, State target) {
    CatchClause {
      types = List.copyOf(types);
    }
  }
}
