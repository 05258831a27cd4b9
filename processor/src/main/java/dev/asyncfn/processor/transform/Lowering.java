/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.SourceText;
import dev.asyncfn.processor.analysis.TypeScope;
import dev.asyncfn.processor.model.MachineModel;
import dev.asyncfn.processor.model.MachineNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Types;

/**
 * Lowers one {@code @Async} body to the states of a poll-based state machine: the entry point of
 * the transformation, and the place its pieces meet.
 *
 * <p>Statements without an await are re-emitted from the source text ({@link SourceRenderer});
 * statements with one are split by {@link StatementLowering} and its helpers for loops, switches
 * and tries, into states of a {@link StateGraph}; expressions with one are split by {@link
 * ExpressionLowering}, which keeps Java's evaluation order ({@link OperandOrder}, {@link
 * Conversions}). Locals that live across a state boundary become fields ({@link MachineFields},
 * typed by {@link LocalTypes}); exits through finally blocks follow the {@link
 * dev.asyncfn.processor.model.CompletionProtocol} ({@link Exits}); exceptions go through the
 * {@link ExceptionTable}.
 */
public final class Lowering {
  final Trees trees;
  final Types types;
  final SourceText src;
  final Awaits awaits;
  final BodyNames names;
  final TypeScope scope;
  final MethodTree methodTree;
  final boolean isVoid;
  final String resultType;
  /** The top-level class whose assertion status applies to the body's asserts. */
  final String assertionClass;
  final MachineNames machineNames;
  final MachineFields fields;
  final StateGraph graph;
  final Exits exits;
  final Parents parents;
  final SourceRenderer renderer;
  final LocalTypes locals;
  final ExpressionTypes expressionTypes;
  final StatementLowering statements;
  final LoopLowering loops;
  final SwitchLowering switches;
  final TryLowering tries;
  final ExpressionLowering expressions;
  final AwaitLowering awaitLowering;
  final ConditionalLowering conditionals;
  final OperandOrder operands;
  final Conversions conversions;
  /** Local classes of the body, re-emitted as member classes of the machine. */
  final List<String> memberTypes = new ArrayList<>();
  final Set<String> memberTypeNames = new HashSet<>();
  /** The field a catch block is entered with, once a try has a catch. */
  String caughtField;
  /** How many finally blocks enclose the code being lowered: their awaits may run cancelling. */
  int finallyDepth;

  public Lowering(
      Trees trees,
      Types types,
      SourceText src,
      Awaits awaits,
      BodyNames names,
      TypeScope scope,
      MethodTree methodTree,
      ExecutableElement method,
      String resultType,
      String assertionClass,
      String self,
      Set<String> reservedFields) {
    this.trees = trees;
    this.types = types;
    this.src = src;
    this.awaits = awaits;
    this.names = names;
    this.scope = scope;
    this.methodTree = methodTree;
    this.isVoid = method.getReturnType().getKind() == TypeKind.VOID;
    this.resultType = resultType;
    this.assertionClass = assertionClass;
    this.fields = new MachineFields(names.inUse(), reservedFields);
    this.machineNames =
        new MachineNames(
            fields.fresh("state"),
            fields.fresh("awaiting"),
            fields.fresh("cx"),
            fields.fresh("failure"),
            fields.fresh("machine"),
            fields.fresh("DONE"),
            fields.fresh("RETHROW"),
            fields.fresh("CANCEL"),
            fields.fresh("complete"),
            fields.fresh("cancelling"),
            fields.fresh("cancelledAt"),
            fields.fresh("LINES"));
    fields.reserveField(machineNames.state());
    fields.reserveField(machineNames.awaiting());
    this.graph = new StateGraph(machineNames.state());
    this.exits =
        new Exits(graph, fields, machineNames, isVoid, resultType, (int) src.line(methodTree));
    this.parents = new Parents(methodTree);
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    boolean instanceMethod = !method.getModifiers().contains(Modifier.STATIC);
    this.renderer =
        new SourceRenderer(
            src,
            awaits,
            names,
            fields,
            graph,
            exits,
            parents,
            MemberRewrites.of(names, owner, instanceMethod, self));
    this.locals = new LocalTypes(trees, types, src, awaits, names, fields, renderer);
    this.expressionTypes = new ExpressionTypes(types, names, scope, locals, renderer);
    locals.use(expressionTypes);
    this.statements = new StatementLowering(this);
    this.loops = new LoopLowering(this);
    this.switches = new SwitchLowering(this);
    this.tries = new TryLowering(this);
    this.expressions = new ExpressionLowering(this);
    this.awaitLowering = new AwaitLowering(this);
    this.conditionals = new ConditionalLowering(this);
    this.operands = new OperandOrder(this);
    this.conversions = new Conversions(this);
  }

  /** Lowers the body. */
  public MachineModel lower() {
    State entry = graph.newState();
    entry.describe("start: runs the body up to its first await", methodLine());
    graph.activate(entry, null);
    statements.lowerAll(methodTree.getBody().getStatements(), List.of());
    if (!graph.terminated() && isVoid) {
      // falling off the end of a void method; for other methods javac proved it unreachable
      graph.line("$L", exits.returnCode(null));
      graph.terminate();
    }
    return finish();
  }

  private MachineModel finish() {
    List<State> emitted = graph.number();
    List<MachineModel.State> states = new ArrayList<>();
    for (int i = 0; i < emitted.size(); i++) {
      State s = emitted.get(i);
      com.palantir.javapoet.CodeBlock.Builder code = com.palantir.javapoet.CodeBlock.builder();
      code.add(s.code());
      State next = s.fallsThroughTo();
      if (next != null && !(i + 1 < emitted.size() && emitted.get(i + 1) == next)) {
        code.add("continue $N;\n", machineNames.loop());
      }
      states.add(new MachineModel.State(i, s.comment(), s.line(), code.build()));
    }
    ExceptionTable table = new ExceptionTable(machineNames, emitted, caughtField);
    List<MachineModel.Handler> handlers = table.handlers();
    return new MachineModel(
        machineNames,
        fields.fields(),
        states,
        handlers,
        table.cancelPlan(),
        memberTypes,
        memberTypeNames,
        exits.rethrows() || table.rethrows());
  }

  /** The line of the method: where a state that resumes nowhere in particular points. */
  int methodLine() {
    return (int) src.line(methodTree);
  }

  /** Describes {@code s} as {@code what} at {@code at}'s line, e.g. "after the if at A.java:4". */
  void describe(State s, String what, Tree at) {
    s.describe(what + " at " + src.fileName() + ":" + src.line(at), (int) src.line(at));
  }

  /** Names of the parameters (fields of the machine under the same names). */
  public static Set<String> parameterNames(ExecutableElement method) {
    Set<String> out = new HashSet<>();
    for (VariableElement p : method.getParameters()) {
      out.add(p.getSimpleName().toString());
    }
    return Set.copyOf(out);
  }
}
