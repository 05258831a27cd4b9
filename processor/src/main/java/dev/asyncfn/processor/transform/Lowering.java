/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.Completion;
import dev.asyncfn.processor.analysis.ConstantValues;
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
import javax.lang.model.util.Elements;
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
  final ConstantValues constants;
  final Completion completion;
  final LoweredBody body;
  final boolean isVoid;
  final String resultType;
  /** The top-level class whose assertion status applies to the body's asserts. */
  final String assertionClass;
  /** The receiver's name in the machine. */
  final String self;
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
  final Accessors accessors;
  /** Local classes of the body, re-emitted as member classes of the machine. */
  final List<String> memberTypes = new ArrayList<>();
  final Set<String> memberTypeNames = new HashSet<>();
  /** The field a catch block is entered with, once a try has a catch. */
  String caughtField;
  /** How many finally blocks enclose the code being lowered: their awaits may run cancelling. */
  int finallyDepth;

  public Lowering(
      Trees trees,
      Elements elements,
      Types types,
      SourceText src,
      Awaits awaits,
      BodyNames names,
      TypeScope scope,
      LoweredBody body,
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
    this.constants = new ConstantValues(names, scope);
    this.completion = new Completion(constants);
    this.body = body;
    this.isVoid = body.isVoid();
    this.resultType = resultType;
    this.assertionClass = assertionClass;
    this.self = self;
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
            fields.fresh("LINES"),
            fields.fresh("SOURCE"),
            fields.fresh("sourceLines"));
    fields.reserveField(machineNames.state());
    fields.reserveField(machineNames.awaiting());
    this.graph = new StateGraph(machineNames.state());
    this.exits =
        new Exits(graph, fields, machineNames, isVoid, resultType, (int) src.line(body.root()));
    this.parents = new Parents(body.root());
    TypeElement owner = body.owner();
    boolean instanceMethod = body.instance();
    this.renderer =
        new SourceRenderer(
            src,
            awaits,
            names,
            new ConstantLocals(elements, constants),
            fields,
            graph,
            exits,
            parents,
            MemberRewrites.of(names, owner, instanceMethod, self));
    this.accessors = new Accessors(fields, types, owner);
    renderer.use(
        new MemberAccess(
            elements,
            types,
            names,
            scope,
            owner,
            instanceMethod ? self : null,
            accessors,
            parents));
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

  /**
   * The fields of a block machine for {@code captures}, the locals of the enclosing body that the
   * block reads, under their names and types.
   */
  public List<MachineModel.Field> captureFields(List<VariableTree> captures) {
    List<MachineModel.Field> out = new ArrayList<>();
    for (VariableTree v : captures) {
      LocalTypes.Typed t = locals.captureType(v, body.root());
      out.add(new MachineModel.Field(v.getName().toString(), t.text(), t.type(), null));
    }
    return out;
  }

  /** Makes the async blocks of the method ({@code blocks}) machines of their own where they are. */
  public Lowering withBlocks(AsyncBlocks blocks) {
    renderer.use(new BlockCreation(blocks, fields, body.instance() ? self : null, body.generic()));
    return this;
  }

  /** Lowers the body. */
  public MachineModel lower() {
    State entry = graph.newState();
    entry.describe("start: runs the body up to its first await", methodLine());
    graph.activate(entry, null);
    if (body.statements() != null) {
      statements.lowerAll(body.statements(), List.of());
    } else if (isVoid) {
      // a block whose body is an expression without a value: a statement
      int outer = at(body.expression());
      CodeBlock done = expressions.lower(body.expression(), true);
      if (done != null && !TreeShapes.isBareName(done)) {
        graph.line("$L;", done);
      }
      graph.at(outer);
    } else {
      int outer = at(body.expression());
      graph.line("$L", exits.returnCode(expressions.lowerTyped(body.expression(), resultType)));
      graph.terminate();
      graph.at(outer);
    }
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
        src.fileName(),
        fields.fields(),
        states,
        handlers,
        table.cancelPlan(),
        memberTypes,
        memberTypeNames,
        accessors.handles(),
        accessors.methods(),
        accessors.narrowingCasts(),
        exits.rethrows() || table.rethrows());
  }

  /** Makes the code added from now on run {@code t}'s line; returns the line to restore. */
  int at(Tree t) {
    return graph.at(t != null && src.hasPosition(t) ? (int) src.line(t) : 0);
  }

  /** The line of the method: where a state that resumes nowhere in particular points. */
  int methodLine() {
    return (int) src.line(body.root());
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
