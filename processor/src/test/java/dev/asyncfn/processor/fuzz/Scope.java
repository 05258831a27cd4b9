/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables a generated expression may name at one point of a method: the class's fields, the
 * method's parameters and the locals of the enclosing blocks. A local that has a field's name hides
 * the field's simple name, leaving only its qualified form ({@code this.count}, {@code F.sc}), as
 * in Java.
 */
final class Scope {

  /** Where a variable lives. */
  enum Kind {
    LOCAL,
    STATIC_FIELD,
    INSTANCE_FIELD
  }

  /**
   * One variable.
   *
   * @param name its simple name
   * @param type its type
   * @param kind local (parameters included) or field
   * @param writable whether generated code may assign it (loop counters, guards, resources and
   *     {@code final} locals are read-only, which keeps loops bounded and programs valid)
   * @param qualified the qualified form of a field ({@code F.sc}, {@code this.count}), else null
   */
  record Var(String name, JType type, Kind kind, boolean writable, String qualified) {}

  private final List<Var> fields;
  private final Deque<List<Var>> frames = new ArrayDeque<>();

  Scope(List<Var> fields) {
    this.fields = List.copyOf(fields);
    frames.push(new ArrayList<>());
  }

  /** Opens a block. */
  void push() {
    frames.push(new ArrayList<>());
  }

  /** Closes the innermost block, forgetting its locals. */
  void pop() {
    frames.pop();
  }

  /**
   * Makes {@code name} a local without a variable the generator may read: for the initialiser of
   * a local that hides a field, where Java already means the local (not yet assigned).
   */
  void reserve(String name) {
    frames.peek().add(new Var(name, null, Kind.LOCAL, false, null));
  }

  /** Replaces a {@link #reserve}d name by its variable. */
  void declareReserved(Var v) {
    frames.peek().removeIf(x -> x.name().equals(v.name()) && x.type() == null);
    frames.peek().add(v);
  }

  /** Declares a local (or parameter) in the innermost block. */
  void declare(Var v) {
    frames.peek().add(v);
  }

  /** Every local and parameter in scope. */
  List<Var> locals() {
    List<Var> out = new ArrayList<>();
    frames.descendingIterator().forEachRemaining(out::addAll);
    return out;
  }

  /** Every field. */
  List<Var> fields() {
    return fields;
  }

  /** Whether a local of this name is in scope (it hides a field's simple name). */
  boolean hasLocal(String name) {
    for (List<Var> f : frames) {
      for (Var v : f) {
        if (v.name().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Names of the locals in scope. */
  Set<String> localNames() {
    Set<String> out = new HashSet<>();
    for (Var v : locals()) {
      out.add(v.name());
    }
    return out;
  }

  /**
   * The ways to write a read of {@code v} here: the simple name unless a local hides it, and the
   * qualified form of a field.
   */
  List<String> forms(Var v) {
    List<String> out = new ArrayList<>();
    if (v.kind() == Kind.LOCAL || !hasLocal(v.name())) {
      out.add(v.name());
    }
    if (v.qualified() != null) {
      out.add(v.qualified());
    }
    return out;
  }

  /** Variables of exactly {@code type} that can be read here (writable ones if {@code write}). */
  List<Var> ofType(JType type, boolean write) {
    List<Var> out = new ArrayList<>();
    for (Var v : locals()) {
      if (v.type() == type && (!write || v.writable())) {
        out.add(v);
      }
    }
    for (Var v : fields) {
      if (v.type() == type && (!write || v.writable()) && !forms(v).isEmpty()) {
        out.add(v);
      }
    }
    return out;
  }
}
