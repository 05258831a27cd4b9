/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.BindingPatternTree;
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
import dev.asyncfn.processor.analysis.SourceText;
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
  private final MachineFields fields;
  private final StateGraph graph;
  private final Exits exits;
  private final Parents parents;
  private final Map<Tree, String> memberRewrites;

  SourceRenderer(
      SourceText src,
      Awaits awaits,
      BodyNames names,
      MachineFields fields,
      StateGraph graph,
      Exits exits,
      Parents parents,
      Map<Tree, String> memberRewrites) {
    this.memberRewrites = memberRewrites;
    this.src = src;
    this.awaits = awaits;
    this.names = names;
    this.fields = fields;
    this.graph = graph;
    this.exits = exits;
    this.parents = parents;
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
   * indentation is part of).
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
      return null;
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
   * stored, {@code (x instanceof T tMatched && Machines.bind(t = tMatched))}.
   */
  private CodeBlock hoistedBinding(
      InstanceOfTree io, Map<? extends Tree, CodeBlock> overrides, RenderMode mode) {
    if (!(io.getPattern() instanceof BindingPatternTree)) {
      return null;
    }
    VariableTree var = ((BindingPatternTree) io.getPattern()).getVariable();
    String field = fields.hoisted(var);
    if (field == null) {
      return null;
    }
    String tmp = fields.fresh(var.getName() + "Matched");
    CodeBlock expr =
        overrides.containsKey(io.getExpression())
            ? overrides.get(io.getExpression())
            : render(io.getExpression(), Map.of(), mode);
    return CodeBlock.of(
        "($L instanceof $L $N && $T.bind($N = $N))",
        expr,
        render(var.getType(), RenderMode.TYPING),
        tmp,
        RuntimeApi.MACHINES,
        field,
        tmp);
  }

  /** In a whole statement: a return, jump or yield that leaves it, as a state transition. */
  private CodeBlock exit(Tree node, Tree root) {
    if (node instanceof YieldTree
        && exits.currentYield() != null
        && !parents.yieldInside(node, root)) {
      CodeBlock v = render(((YieldTree) node).getValue(), RenderMode.VALUE);
      return CodeBlock.of("{ $L }", exits.yieldCode(exits.currentYield(), v));
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
