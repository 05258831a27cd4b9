/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.Tree;
import dev.asyncfn.processor.model.MachineNames;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Name;

/**
 * How control leaves a place in the body: jumps between states that run the finally blocks in
 * between ({@link dev.asyncfn.processor.model.CompletionProtocol}), returns, the targets of
 * {@code break} and {@code continue}, and where a switch expression's {@code yield} goes.
 */
final class Exits {
  /** A statement a {@code break} or {@code continue} may leave or repeat. */
  record Target(Tree tree, String label, State breakTo, State continueTo, Frame frame) {}

  /**
   * A switch expression being lowered: its {@code yield}s store into {@code resultField} (through
   * a local of {@code type} when the sink's type is known) and go to {@code end}; with an {@code
   * armField}, they also store there which of the switch's {@code values} they give, for a read
   * that types each value on its own ({@link SwitchLowering}).
   */
  record YieldTarget(
      String resultField,
      String type,
      State end,
      Frame frame,
      String local,
      String armField,
      SwitchValues values) {
    /**
     * Whether {@code value} is a switch expression without an await whose own values say which
     * they are ({@link SourceRenderer#markedValues}), when yielded here.
     */
    boolean marksValuesOf(ExpressionTree value) {
      return armField != null && values.isNested(value);
    }
  }

  private final StateGraph graph;
  private final MachineFields fields;
  private final MachineNames names;
  private final boolean isVoid;
  private final String resultType;
  /** Return types a constant int converts to only in an assignment context (JLS 5.2). */
  private static final Set<String> NARROWED =
      Set.of("byte", "short", "char", "java.lang.Byte", "java.lang.Short", "java.lang.Character");
  private final int methodLine;
  private final Deque<Target> targets = new ArrayDeque<>();
  private final Deque<YieldTarget> yields = new ArrayDeque<>();
  private final Map<Frame.FinallyRegion, Map<State, State>> trampolines = new HashMap<>();
  private State returnState;
  private String resultField;
  private boolean usesRethrow;

  Exits(
      StateGraph graph,
      MachineFields fields,
      MachineNames names,
      boolean isVoid,
      String resultType,
      int methodLine) {
    this.methodLine = methodLine;
    this.graph = graph;
    this.fields = fields;
    this.names = names;
    this.isVoid = isVoid;
    this.resultType = resultType;
  }

  /**
   * A jump from the current state to {@code target} in region {@code to}: through the finally
   * blocks in between, innermost first (a trampoline state per further block), or straight there.
   */
  CodeBlock jump(State target, Frame to) {
    List<Frame.FinallyRegion> fins = new ArrayList<>();
    for (Frame f = graph.current().frame(); f != to && f != null; f = f.parent) {
      if (f.fin != null) {
        fins.add(f.fin);
      }
    }
    if (fins.isEmpty()) {
      return CodeBlock.of("$N = $L; continue $N;", names.state(), target, names.loop());
    }
    State next = target;
    for (int i = fins.size() - 1; i >= 1; i--) {
      next = trampoline(fins.get(i), next);
    }
    Frame.FinallyRegion first = fins.get(0);
    return enter(first, next);
  }

  /** {@code fin.next = next; state = fin.entry; continue machine;} */
  private CodeBlock enter(Frame.FinallyRegion fin, Object next) {
    return CodeBlock.of(
        "$N = $L; $N = $L; continue $N;",
        fin.next(),
        next,
        names.state(),
        fin.entry(),
        names.loop());
  }

  /** A state that enters {@code fin} on its way to {@code next}: one per pair, shared. */
  private State trampoline(Frame.FinallyRegion fin, State next) {
    Map<State, State> byNext = trampolines.computeIfAbsent(fin, f -> new HashMap<>());
    State t = byNext.get(next);
    if (t == null) {
      t = graph.newState();
      t.describe("leaves through the finally block of " + fin.next(), methodLine);
      t.add(CodeBlock.builder().add(enter(fin, next)).add("\n").build());
      t.terminate();
      graph.detach(t);
      byNext.put(next, t);
    }
    return t;
  }

  /**
   * {@code return value;} from the current state: straight out of the machine, or through the
   * finally blocks around it with the value kept in a field meanwhile.
   */
  CodeBlock returnCode(CodeBlock value) {
    boolean viaFinally = false;
    for (Frame f = graph.current().frame(); f != null; f = f.parent) {
      viaFinally |= f.fin != null;
    }
    if (!viaFinally && value != null && NARROWED.contains(resultType)) {
      // an int constant returned as a byte, short or char (or their boxes) converts in an
      // assignment context (JLS 5.2), which complete's argument is not: a local gives it one
      String v = fields.fresh("returned");
      return CodeBlock.of(
          "{ $L $N = $L; return $N($N); }", resultType, v, value, names.complete(), v);
    }
    if (!viaFinally) {
      return CodeBlock.of(
          "return $N($L);", names.complete(), value == null ? CodeBlock.of("null") : value);
    }
    if (returnState == null) {
      returnState = graph.newState();
      returnState.describe("returns the value kept while finally blocks ran", methodLine);
      if (!isVoid) {
        resultField =
            fields.add(
                fields.fresh("result"), resultType, "the return value while finally blocks run");
      }
      returnState.add(
          CodeBlock.of("return $N($L);\n", names.complete(), isVoid ? "null" : resultField));
      returnState.terminate();
      graph.detach(returnState);
    }
    CodeBlock.Builder b = CodeBlock.builder();
    if (value != null && !isVoid) {
      b.add("$N = $L; ", resultField, value);
    }
    return b.add(jump(returnState, null)).build();
  }

  /**
   * Ends a finally block: rethrow what entered it, go on cancelling, or continue where its
   * completion record says (see {@link dev.asyncfn.processor.model.CompletionProtocol}).
   */
  void finishFinally(Frame.FinallyRegion fin) {
    if (graph.terminated()) {
      return;
    }
    usesRethrow = true;
    String x = fields.local("rethrown");
    graph.line(
        "if ($N == $N) { java.lang.Throwable $N = $N; $N = null; throw $N; }",
        fin.next(),
        names.rethrow(),
        x,
        fin.thrown(),
        fin.thrown(),
        x);
    Frame.FinallyRegion outer = null;
    for (Frame f = graph.current().frame(); f != null && outer == null; f = f.parent) {
      outer = f.fin;
    }
    // cancellation runs the finally blocks around the await innermost first, then stops
    CodeBlock onCancel =
        outer == null
            ? CodeBlock.of(
                "$N = $N; return $T.pending();", names.state(), names.done(), RuntimeApi.POLL)
            : enter(outer, names.cancel());
    graph.line("if ($N == $N) { $L }", fin.next(), names.cancel(), onCancel);
    graph.line("$N = $N; continue $N;", names.state(), fin.next(), names.loop());
    graph.terminate();
  }

  /** Marks that a finally block may rethrow (the constant is declared then). */
  void usesRethrow() {
    usesRethrow = true;
  }

  boolean rethrows() {
    return usesRethrow;
  }

  void pushTarget(Target t) {
    targets.push(t);
  }

  void popTarget() {
    targets.pop();
  }

  /** Where a {@code break} or {@code continue} with {@code label} (or none) goes, or null. */
  CodeBlock jumpFor(boolean isBreak, Name label) {
    for (Target t : targets) {
      boolean match;
      if (label != null) {
        match = label.contentEquals(t.label() == null ? "" : t.label());
      } else {
        match = isBreak ? !(t.tree() instanceof LabeledStatementTree) : t.continueTo() != null;
      }
      if (match) {
        return jump(isBreak ? t.breakTo() : t.continueTo(), t.frame());
      }
    }
    return null;
  }

  void pushYield(YieldTarget y) {
    yields.push(y);
  }

  void popYield() {
    yields.pop();
  }

  /** The switch expression being lowered, innermost first, or null. */
  YieldTarget currentYield() {
    return yields.peek();
  }

  /**
   * {@code yield value;} ({@code value} lowered from {@code tree}): store the value (converted for a
   * known sink), then leave the switch.
   */
  CodeBlock yieldCode(YieldTarget y, ExpressionTree tree, CodeBlock value) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (y.type() == null) {
      code.add("$N = $L;", y.resultField(), value);
    } else {
      code.add(
          "{ $L $N = $L; $N = $N; }", y.type(), y.local(), value, y.resultField(), y.local());
    }
    if (y.armField() != null && !y.values().isNested(tree)) {
      code.add(" $N = $L;", y.armField(), y.values().indexOf(tree));
    }
    return code.add(" ").add(jump(y.end(), y.frame())).build();
  }
}
