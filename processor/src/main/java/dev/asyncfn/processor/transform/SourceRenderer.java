/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.CaseLabels;
import dev.asyncfn.processor.analysis.SourceText;
import dev.asyncfn.processor.model.LineMarkers;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Name;

/**
 * Re-emits the user's source text of a tree, rewritten only where it must be: a local that lives
 * in a field under another name, a member of the enclosing class ({@code count} becomes {@code
 * self.count}), a hoisted local captured by a lambda (a copy made just before, so that each
 * iteration keeps its own value), a pattern binding that outlives its statement, and in a whole
 * statement the {@code return}, {@code break}, {@code continue} and {@code yield} that leave it.
 * Comments, literals and formatting survive; continuation lines lose the indentation of the
 * statement they belong to, so they read right wherever the statement lands.
 */
final class SourceRenderer {
  private final SourceText src;
  private final Awaits awaits;
  private final BodyNames names;
  private final ConstantLocals constantLocals;
  private final MachineFields fields;
  private final StateGraph graph;
  private final Exits exits;
  private final Parents parents;
  private final Map<Tree, String> memberRewrites;
  private MemberAccess memberAccess;
  private BlockCreation blockCreation;

  SourceRenderer(
      SourceText src,
      Awaits awaits,
      BodyNames names,
      ConstantLocals constantLocals,
      MachineFields fields,
      StateGraph graph,
      Exits exits,
      Parents parents,
      Map<Tree, String> memberRewrites) {
    this.memberRewrites = memberRewrites;
    this.src = src;
    this.awaits = awaits;
    this.names = names;
    this.constantLocals = constantLocals;
    this.fields = fields;
    this.graph = graph;
    this.exits = exits;
    this.parents = parents;
  }

  void use(MemberAccess memberAccess) {
    this.memberAccess = memberAccess;
  }

  void use(BlockCreation blockCreation) {
    this.blockCreation = blockCreation;
  }

  /**
   * {@code place = value} for an assignment target: written as is, or through the accessor of a
   * field the machine may not assign as written.
   */
  CodeBlock store(
      ExpressionTree place, Map<? extends Tree, CodeBlock> overrides, CodeBlock value) {
    CodeBlock routed =
        memberAccess.store(place, value, child -> part(child, overrides, RenderMode.VALUE));
    return routed != null
        ? routed
        : CodeBlock.of("$L = $L", render(place, overrides, RenderMode.VALUE), value);
  }

  private CodeBlock part(Tree child, Map<? extends Tree, CodeBlock> overrides, RenderMode mode) {
    CodeBlock o = overrides.get(child);
    return o != null ? o : render(child, overrides, mode);
  }

  /** {@code root} as it runs or types in a state. */
  CodeBlock render(Tree root, RenderMode mode) {
    return render(root, Map.of(), mode);
  }

  /** {@code root} with each tree of {@code overrides} replaced by its code (a lowered operand). */
  CodeBlock render(Tree root, Map<? extends Tree, CodeBlock> overrides, RenderMode mode) {
    if (root == null) {
      return CodeBlock.of("");
    }
    int start = src.start(root);
    int end = src.end(root);
    List<Edit> edits = new ArrayList<>();
    List<int[]> textBlocks = new ArrayList<>();
    Map<VariableTree, String> copies = new IdentityHashMap<>();
    new TreeScanner<Void, Integer>() {
      @Override
      public Void scan(Tree node, Integer depth) {
        if (node == null) {
          return null;
        }
        CodeBlock rep = edit(node, depth, overrides, mode, root, copies);
        if (rep != null) {
          edits.add(new Edit(src.start(node), src.end(node), rep));
          return null;
        }
        if (node instanceof LiteralTree && src.of(node).startsWith("\"\"\"")) {
          textBlocks.add(new int[] {src.start(node), src.end(node)});
        }
        return super.scan(node, depth);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Integer depth) {
        return super.visitLambdaExpression(node, depth + 1);
      }

      @Override
      public Void visitClass(ClassTree node, Integer depth) {
        return super.visitClass(node, depth + 1);
      }
    }.scan(root, 0);
    edits.sort(Comparator.comparingInt(Edit::start));
    int column = src.columnOf(src.start(parents.statementOf(root)));
    CodeBlock.Builder out = CodeBlock.builder();
    int pos = start;
    for (Edit e : edits) {
      if (e.start() < pos || e.start() < 0) {
        continue;
      }
      out.add("$L", slice(pos, e.start(), column, textBlocks));
      out.add("$L", e.code());
      pos = e.end();
    }
    out.add("$L", slice(pos, end, column, textBlocks));
    return out.build();
  }

  private record Edit(int start, int end, CodeBlock code) {}

  /**
   * The source between {@code from} and {@code to}, each continuation line without up to {@code
   * column} spaces of its statement's indentation (never inside a text block, whose content the
   * indentation is part of) and marked with its line ({@link LineMarkers}) where that is code.
   */
  private String slice(int from, int to, int column, List<int[]> textBlocks) {
    String text = src.slice(from, to);
    if (text.indexOf('\n') < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(c);
      if (c == '\n' && !inside(from + i, textBlocks)) {
        int n = 0;
        while (n < column && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
          i++;
          n++;
        }
        if (src.isCode(from + i)) {
          // the next line runs the next line of the user's file (removed once the file is final)
          sb.append(LineMarkers.of(src.lineAt(from + i + 1)));
        }
      }
    }
    return sb.toString();
  }

  private static boolean inside(int pos, List<int[]> ranges) {
    for (int[] r : ranges) {
      if (pos > r[0] && pos < r[1]) {
        return true;
      }
    }
    return false;
  }

  private CodeBlock edit(
      Tree node,
      int depth,
      Map<? extends Tree, CodeBlock> overrides,
      RenderMode mode,
      Tree root,
      Map<VariableTree, String> copies) {
    CodeBlock override = overrides.get(node);
    if (override != null) {
      return override;
    }
    if (mode != RenderMode.TYPING && depth == 0 && awaits.isAwait(node)) {
      throw new IllegalStateException(
          "await left unlowered at " + src.fileName() + ":" + src.line(node));
    }
    if (node instanceof IdentifierTree && names.local(node) != null) {
      return identifier((IdentifierTree) node, mode, copies);
    }
    if (mode != RenderMode.TYPING && blockCreation != null) {
      // an async block: its own machine, typed by the call as written
      CodeBlock created = blockCreation.create(node, t -> render(t, RenderMode.TYPING));
      if (created != null) {
        return created;
      }
    }
    // a member the machine may not use as written: through its accessor, at any depth
    CodeBlock routed = memberAccess.rewrite(node, child -> part(child, overrides, mode));
    if (routed != null) {
      return routed;
    }
    if (node instanceof IdentifierTree) {
      return identifier((IdentifierTree) node, mode, copies);
    }
    if (node instanceof MemberSelectTree) {
      return memberEdit(node);
    }
    if (node instanceof InstanceOfTree && depth == 0) {
      CodeBlock binding = hoistedBinding((InstanceOfTree) node, overrides, mode);
      if (binding != null) {
        return binding;
      }
    }
    if (mode != RenderMode.VERBATIM || depth > 0) {
      return null;
    }
    return exit(node, root);
  }

  /** A local in a field (or a copy of it where a lambda captures it), or a member, qualified. */
  private CodeBlock identifier(
      IdentifierTree id, RenderMode mode, Map<VariableTree, String> copies) {
    VariableTree decl = names.local(id);
    if (decl == null) {
      return memberEdit(id);
    }
    String field = fields.hoisted(decl);
    if (field == null) {
      String renamed = fields.renamed(decl);
      return renamed == null ? null : CodeBlock.of("$N", renamed);
    }
    CodeBlock constant = constantLocals.read(decl, id);
    if (constant != null) {
      return constant;
    }
    if (mode != RenderMode.TYPING && names.isCaptured(id)) {
      // the lambda captures the value the field has now: a fresh effectively final copy
      String copy =
          copies.computeIfAbsent(
              decl,
              d -> {
                String c = fields.fresh(d.getName() + "Captured");
                graph.line("final var $N = $N;", c, field);
                return c;
              });
      return CodeBlock.of("$N", copy);
    }
    return field.contentEquals(id.getName()) ? null : CodeBlock.of("$N", field);
  }

  private CodeBlock memberEdit(Tree node) {
    String edit = memberRewrites.get(node);
    return edit == null ? null : CodeBlock.of("$L", edit);
  }

  /**
   * {@code x instanceof T t} whose binding lives in a field: matched into a fresh local, then
   * stored, {@code (x instanceof T tMatched && Machines.bind(t = tMatched))}; a record pattern
   * binds each of its hoisted variables so.
   */
  private CodeBlock hoistedBinding(
      InstanceOfTree io, Map<? extends Tree, CodeBlock> overrides, RenderMode mode) {
    Map<Tree, CodeBlock> renamed = new IdentityHashMap<>();
    CodeBlock.Builder binds = CodeBlock.builder();
    for (VariableTree var : CaseLabels.bindings(io.getPattern())) {
      String field = fields.hoisted(var);
      if (field != null) {
        String tmp = fields.fresh(var.getName() + "Matched");
        renamed.put(var, CodeBlock.of("$L $N", bindingType(var), tmp));
        binds.add(" && $T.bind($N = $N)", RuntimeApi.MACHINES, field, tmp);
      }
    }
    if (renamed.isEmpty()) {
      return null;
    }
    CodeBlock expr =
        overrides.containsKey(io.getExpression())
            ? overrides.get(io.getExpression())
            : render(io.getExpression(), Map.of(), mode);
    return CodeBlock.of(
        "($L instanceof $L$L)",
        expr,
        render(io.getPattern(), renamed, RenderMode.TYPING),
        binds.build());
  }

  /**
   * {@code value}, a switch expression without an await yielded by a switch read value by value
   * ({@code y}), as it runs, each of its own values also storing which it is: {@code switch (0) {
   * default -> { arm = 3; yield v; } }} in place of {@code v}, a poly expression typed like {@code
   * v} itself.
   */
  CodeBlock markedValues(ExpressionTree value, Exits.YieldTarget y) {
    Map<Tree, CodeBlock> marked = new IdentityHashMap<>();
    for (int i = 0; i < y.values().size(); i++) {
      ExpressionTree v = y.values().value(i);
      if (parents.isWithin(v, value)) {
        marked.put(
            v,
            CodeBlock.of(
                "switch (0) { default -> { $N = $L; yield $L; } }",
                y.armField(),
                i,
                render(v, RenderMode.VALUE)));
      }
    }
    return render(value, marked, RenderMode.VALUE);
  }

  /** The type of a pattern's binding as written: {@code var}, or its type as it compiles here. */
  CodeBlock bindingType(VariableTree var) {
    Tree type = var.getType();
    return type == null || !src.hasPosition(type) || src.of(type).equals("var")
        ? CodeBlock.of("var")
        : render(type, RenderMode.TYPING);
  }

  /** In a whole statement: a return, jump or yield that leaves it, as a state transition. */
  private CodeBlock exit(Tree node, Tree root) {
    if (node instanceof YieldTree
        && exits.currentYield() != null
        && !parents.yieldInside(node, root)) {
      ExpressionTree value = ((YieldTree) node).getValue();
      Exits.YieldTarget y = exits.currentYield();
      CodeBlock v = y.marksValuesOf(value) ? markedValues(value, y) : render(value, RenderMode.VALUE);
      return CodeBlock.of("{ $L }", exits.yieldCode(y, value, v));
    }
    if (node instanceof ReturnTree) {
      ExpressionTree e = ((ReturnTree) node).getExpression();
      CodeBlock code = exits.returnCode(e == null ? null : render(e, RenderMode.VALUE));
      return node == root ? code : CodeBlock.of("{ $L }", code);
    }
    if (node instanceof BreakTree || node instanceof ContinueTree) {
      boolean isBreak = node instanceof BreakTree;
      Name label = isBreak ? ((BreakTree) node).getLabel() : ((ContinueTree) node).getLabel();
      if (parents.targetsInside(node, root, label, isBreak)) {
        return null;
      }
      CodeBlock jump = exits.jumpFor(isBreak, label);
      if (jump == null) {
        throw new Unsupported(node, "this jump", false);
      }
      return node == root ? jump : CodeBlock.of("{ $L }", jump);
    }
    return null;
  }
}
