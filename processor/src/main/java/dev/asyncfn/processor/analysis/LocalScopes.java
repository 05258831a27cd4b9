/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.VariableTree;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The nested scopes of a body as the resolver walks it (JLS 6.3): blocks declaring locals and
 * local classes, and the bodies of local and anonymous classes, whose members (declared anywhere
 * in the body, or inherited) shadow the locals and members outside them.
 */
final class LocalScopes {
  /** A block's locals and local classes, or a class body's members. */
  private static final class Frame {
    final Map<String, VariableTree> locals = new HashMap<>();
    final Set<String> types = new HashSet<>();
    final Set<String> fields;
    final Set<String> methods;

    Frame(Set<String> fields, Set<String> methods) {
      this.fields = fields;
      this.methods = methods;
    }
  }

  private final Deque<Frame> frames = new ArrayDeque<>();

  void push() {
    frames.push(new Frame(Set.of(), Set.of()));
  }

  /** Enters a class body whose members, declared or inherited, have these names. */
  void pushClass(Set<String> fields, Set<String> methods) {
    frames.push(new Frame(fields, methods));
  }

  void pop() {
    frames.pop();
  }

  void declare(String name, VariableTree local) {
    frames.peek().locals.put(name, local);
  }

  void declareType(String name) {
    frames.peek().types.add(name);
  }

  /** The local {@code name} means here, or null (none, or a class member shadows it). */
  VariableTree local(String name) {
    for (Frame f : frames) {
      VariableTree v = f.locals.get(name);
      if (v != null) {
        return v;
      }
      if (f.fields.contains(name)) {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code name} is a field of an enclosing local or anonymous class, not a local. */
  boolean isClassField(String name) {
    for (Frame f : frames) {
      if (f.locals.containsKey(name)) {
        return false;
      }
      if (f.fields.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a method {@code name} of an enclosing local or anonymous class is in scope. */
  boolean isClassMethod(String name) {
    for (Frame f : frames) {
      if (f.methods.contains(name)) {
        return true;
      }
    }
    return false;
  }

  boolean isLocalType(String name) {
    for (Frame f : frames) {
      if (f.types.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
