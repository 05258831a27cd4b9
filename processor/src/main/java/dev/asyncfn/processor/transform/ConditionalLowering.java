/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@code c ? a : b} with an await in a branch: the condition and each branch become states, and
 * the conditional itself is re-created where its value is used, {@code (taken ? a' : b')}. So javac
 * types it as in the source (JLS 15.25: a branch that is an await, a generic method, makes it a
 * reference conditional; an {@code Integer} and a {@code long} make it a {@code long}) and
 * converts the branch taken exactly as the source would, at the same point of the evaluation.
 */
final class ConditionalLowering {
  private final Lowering l;

  /** The flag each lowered conditional keeps the outcome of its condition in. */
  private final Map<ConditionalExpressionTree, String> takenFlags = new IdentityHashMap<>();

  ConditionalLowering(Lowering l) {
    this.l = l;
  }

  CodeBlock conditional(ConditionalExpressionTree c) {
    CodeBlock cond = l.expressions.lower(c.getCondition(), false);
    ExpressionTree whenTrue = c.getTrueExpression();
    ExpressionTree whenFalse = c.getFalseExpression();
    if (!l.awaits.contains(whenTrue) && !l.awaits.contains(whenFalse)) {
      Map<Tree, CodeBlock> ov = new IdentityHashMap<>();
      ov.put(c.getCondition(), cond);
      return l.renderer.render(c, ov, RenderMode.VALUE);
    }
    String shown = TreeShapes.oneLine(l.src.of(c));
    String taken =
        l.fields.temp(
            "taken",
            "boolean",
            "whether " + TreeShapes.oneLine(l.src.of(c.getCondition())) + " held");
    l.graph.line("$N = $L;", taken, cond);
    takenFlags.put(c, taken);
    Frame frame = l.graph.current().frame();
    State end = l.graph.newState();
    CodeBlock trueValue = null;
    CodeBlock falseValue = null;
    if (!l.awaits.contains(whenFalse)) {
      l.graph.line("if (!$N) { $L }", taken, l.exits.jump(end, frame));
      trueValue = branch(whenTrue);
    } else {
      State elseState = l.graph.newState();
      l.graph.line("if (!$N) { $L }", taken, l.exits.jump(elseState, frame));
      if (l.awaits.contains(whenTrue)) {
        trueValue = branch(whenTrue);
      }
      l.graph.gotoState(end);
      l.graph.activate(elseState, frame);
      elseState.describe("false branch of " + shown, l.methodLine());
      falseValue = branch(whenFalse);
    }
    l.graph.gotoState(end);
    l.graph.activate(end, frame);
    end.describe("continues after " + shown, l.methodLine());
    // a branch without an await runs here, as the re-created conditional's own branch
    Map<Tree, CodeBlock> ov = new IdentityHashMap<>();
    ov.put(c.getCondition(), CodeBlock.of("$N", taken));
    if (trueValue != null) {
      ov.put(whenTrue, trueValue);
    }
    if (falseValue != null) {
      ov.put(whenFalse, falseValue);
    }
    return CodeBlock.of("($L)", l.renderer.render(c, ov, RenderMode.VALUE));
  }

  /**
   * The field that holds whether {@code c}'s condition held, once {@code c} was lowered into
   * states (it has an await in a branch); null otherwise.
   */
  String takenFlag(ConditionalExpressionTree c) {
    return takenFlags.get(c);
  }

  /**
   * Evaluates a branch that awaits in its own states and returns the read of its value where the
   * conditional is re-created, typed as the branch is in the source. An await is read through
   * {@code Witness.as}, generic like {@code await} itself, and so is a call of a generic method
   * known to return a type variable (typed by the target as in the source); a conditional whose
   * branches await and a
   * switch expression stand as they are re-created; any other branch (a call, a field, arithmetic,
   * a conditional whose condition alone awaits) is read through {@code Witness.branch}, whose
   * overloads keep a boxed type boxed and a primitive one primitive, so that javac classifies the
   * conditional as numeric where the source's was ({@code c ? n : (await(b) ? p : -1)} with an
   * {@code Integer n} unboxes a null {@code n}).
   */
  private CodeBlock branch(ExpressionTree e) {
    ExpressionTree bare = TreeShapes.unparen(e);
    boolean recreated =
        bare instanceof ConditionalExpressionTree inner
            ? l.awaits.contains(inner.getTrueExpression())
                || l.awaits.contains(inner.getFalseExpression())
            : bare instanceof SwitchExpressionTree;
    if (recreated) {
      // A conditional whose branch awaits, or a switch expression (with an await: e has one), is
      // re-created of fields only (a taken flag or the value that was given, their values), so it
      // stands here as it is: typed by the outer conditional's target, as in the source. Read
      // back through one witness, its values would all be lower bounds of the witness's T
      // (Integer and Short: no type an int target accepts).
      return l.expressions.lower(e, false);
    }
    String raw =
        l.fields.temp(
            "branch", "java.lang.Object", "value of the branch " + TreeShapes.oneLine(l.src.of(e)));
    if (l.awaits.isAwait(bare)) {
      l.awaitLowering.awaitInto((MethodInvocationTree) bare, raw);
    } else {
      l.graph.line("$N = $L;", raw, l.expressions.lower(e, false));
    }
    if (l.awaits.isAwait(bare)
        || (bare instanceof MethodInvocationTree call
            && l.expressionTypes.returnsTypeVariable(call))) {
      return Witnesses.as(raw, l.renderer.render(e, RenderMode.TYPING));
    }
    return standaloneRead(e, raw);
  }

  /**
   * {@code held} (may be {@code null}, for a witness never evaluated), the value of {@code e},
   * read as {@code e} types as an operand of a conditional or of {@code ==}, where it is
   * standalone: through {@code Witness.branch}, which keeps a boxed type boxed and a primitive one
   * primitive; a call, a conditional or a switch expression through a local (returned from the
   * witness's lambda, javac takes each for a poly expression there: it picks the boxed overload
   * for a call returning int, even {@code "a".length()}, and Integer == int would then compare
   * references; lub(Short, Integer) for a switch whose source type is int); {@code c ? null :
   * null} as {@code null}, its value and its type (no local can be declared of it).
   */
  CodeBlock standaloneRead(ExpressionTree e, String held) {
    ExpressionTree bare = TreeShapes.unparen(e);
    if (TreeShapes.isNullTyped(bare)) {
      return CodeBlock.of("null");
    }
    CodeBlock typing = l.renderer.render(e, RenderMode.TYPING);
    return bare instanceof ConditionalExpressionTree
            || bare instanceof SwitchExpressionTree
            || bare instanceof MethodInvocationTree
        ? Witnesses.branchStandalone(held, typing, l.fields.fresh("standalone"))
        : Witnesses.branch(held, typing);
  }
}
