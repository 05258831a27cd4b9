/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.model;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/**
 * The lowered form of one {@code @Async} method, ready to print: its fields, its states and the
 * exception table. Code is JavaPoet {@link CodeBlock}s: runtime types as {@code $T}, the user's
 * re-emitted source text as {@code $L}.
 *
 * @param names the names the machine declares for itself
 * @param sourceFile the user's file name, e.g. {@code Orders.java}
 * @param fields the fields besides the parameters: hoisted locals, held values, completion records
 * @param states the cases of the poll switch, in order
 * @param handlers where an exception thrown in each state goes
 * @param cancelPlan for the states inside finally regions: how {@code cancel()} enters the
 *     innermost finally block around them
 * @param memberTypes local classes of the body, re-emitted as member classes (source text)
 * @param memberTypeNames their simple names
 * @param accessorHandles the handles of the members the machine reaches through accessors
 * @param accessorMethods those accessors
 * @param narrowingCasts whether the code has JLS 15.26.2 casts that may be redundant
 * @param usesRethrow whether a finally block may rethrow (the {@code RETHROW} constant is needed)
 */
public record MachineModel(
    MachineNames names,
    String sourceFile,
    List<Field> fields,
    List<State> states,
    List<Handler> handlers,
    List<Handler> cancelPlan,
    List<String> memberTypes,
    Set<String> memberTypeNames,
    List<FieldSpec> accessorHandles,
    List<MethodSpec> accessorMethods,
    boolean narrowingCasts,
    boolean usesRethrow) {

  public MachineModel {
    fields = List.copyOf(fields);
    states = List.copyOf(states);
    handlers = List.copyOf(handlers);
    cancelPlan = List.copyOf(cancelPlan);
    memberTypes = List.copyOf(memberTypes);
    memberTypeNames = Set.copyOf(memberTypeNames);
    accessorHandles = List.copyOf(accessorHandles);
    accessorMethods = List.copyOf(accessorMethods);
  }

  /**
   * A field of the machine.
   *
   * @param name its name
   * @param typeText its type as Java source text
   * @param type its type as javac gave it (printed with imports), or null when only the text is
   *     known
   * @param comment its Javadoc, or null
   */
  public record Field(String name, String typeText, TypeMirror type, String comment) {}

  /**
   * One {@code case} of the poll switch.
   *
   * @param number its case label
   * @param comment what it resumes after, or null
   * @param line the source line it resumes at (for task dumps and traces)
   * @param code its body
   */
  public record State(int number, String comment, int line, CodeBlock code) {}

  /**
   * Code shared by a group of states (an exception handler, a cancellation entry).
   *
   * @param states the states it applies to
   * @param code what it runs
   * @param jumps whether the code ends with a jump (so no {@code break} follows it)
   */
  public record Handler(List<Integer> states, CodeBlock code, boolean jumps) {
    public Handler {
      states = List.copyOf(states);
    }
  }
}
