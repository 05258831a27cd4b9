/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.VariableTree;
import dev.asyncfn.processor.model.MachineModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.type.TypeMirror;

/**
 * The names and fields of the machine being built. Every name the machine chooses (its own
 * fields, temporaries, locals of its states) avoids every name of the user's body, so the user's
 * names can stay as they are: a local that lives across an await becomes a field under its own
 * name unless another field has it already.
 */
final class MachineFields {
  /** Every name in use: the body's, the parameters', and every name chosen so far. */
  private final Set<String> taken = new HashSet<>();
  private final Set<String> fieldNames = new HashSet<>();
  private final List<MachineModel.Field> fields = new ArrayList<>();
  private final Map<VariableTree, String> hoisted = new IdentityHashMap<>();
  private final Map<VariableTree, String> renamed = new IdentityHashMap<>();
  /** Numbers the temporaries in creation order, so that generated names are stable. */
  private int counter;

  MachineFields(Set<String> bodyNames, Set<String> reservedFields) {
    taken.addAll(bodyNames);
    taken.addAll(reservedFields);
    fieldNames.addAll(reservedFields);
  }

  /** {@code base}, or {@code base2}, {@code base3}...: the first name not in use. */
  String fresh(String base) {
    String name = base;
    for (int i = 2; taken.contains(name) || SourceVersion.isKeyword(name); i++) {
      name = base + i;
    }
    taken.add(name);
    return name;
  }

  /** Marks {@code name}, already chosen with {@link #fresh}, as a field (declared by codegen). */
  void reserveField(String name) {
    fieldNames.add(name);
  }

  /** Adds a field named {@code base} unless another field has that name. */
  String add(String base, String typeText, String comment) {
    return add(base, typeText, null, comment);
  }

  /** Adds a field of the type javac gave (printed with imports), with {@code typeText} as text. */
  String add(String base, String typeText, TypeMirror type, String comment) {
    String name = base;
    if (fieldNames.contains(name) || SourceVersion.isKeyword(name)) {
      name = fresh(base);
    }
    taken.add(name);
    fieldNames.add(name);
    fields.add(new MachineModel.Field(name, typeText, type, comment));
    return name;
  }

  /** A numbered field for a value the machine keeps, e.g. {@code held3}. */
  String temp(String base, String typeText, String comment) {
    return add(fresh(base + next()), typeText, comment);
  }

  /** A numbered field of a precise type. */
  String temp(String base, TypeMirror type, String comment) {
    return add(fresh(base + next()), type.toString(), type, comment);
  }

  /** A numbered name for a local variable of a state, e.g. {@code poll2}. */
  String local(String base) {
    return fresh(base + next());
  }

  /** The next number of the sequence that numbers generated names. */
  int next() {
    return ++counter;
  }

  /** The type of field {@code name} as source text. */
  String typeOf(String name) {
    for (MachineModel.Field f : fields) {
      if (f.name().equals(name)) {
        return f.typeText();
      }
    }
    throw new IllegalStateException("no field " + name);
  }

  /** Keeps javac's type of field {@code name} so that codegen prints it with imports. */
  void setType(String name, TypeMirror type) {
    for (int i = 0; i < fields.size(); i++) {
      MachineModel.Field f = fields.get(i);
      if (f.name().equals(name)) {
        fields.set(i, new MachineModel.Field(name, f.typeText(), type, f.comment()));
      }
    }
  }

  /** The field a local lives in, or null while it is a plain local of a state. */
  String hoisted(VariableTree local) {
    return hoisted.get(local);
  }

  void hoist(VariableTree local, String field) {
    hoisted.put(local, field);
  }

  /**
   * A plain local of a state under a name of its own: where the lowering flattens a block into its
   * state, the local outlives its block, and would shadow a field of the same name (another local
   * of the body, hoisted) that the rest of the state reads.
   */
  String rename(VariableTree local) {
    return renamed.computeIfAbsent(local, v -> fresh(v.getName().toString()));
  }

  /** The name {@link #rename} gave {@code local}, or null. */
  String renamed(VariableTree local) {
    return renamed.get(local);
  }

  List<MachineModel.Field> fields() {
    return fields;
  }
}
