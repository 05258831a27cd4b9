/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The labels and guard of a {@code case}, and the parts of a pattern, on any JDK from 17 on. The
 * processor is compiled for Java 17, whose API has no case label trees, guards or record
 * patterns (JDK 21). They are reached here through public API alone: a tree's kind by its name,
 * and a tree's children as the running JDK's {@link TreeScanner} visits them.
 */
public final class CaseLabels {
  private CaseLabels() {}

  /**
   * The labels of {@code c}: on JDK 21+ its case label trees (constant, pattern and default
   * labels), on JDK 17 its expressions. Empty for a JDK 17 {@code default}.
   */
  public static List<Tree> labels(CaseTree c) {
    List<Tree> labels = new ArrayList<>();
    for (Tree child : children(c)) {
      if (isLabel(child)) {
        labels.add(child);
      }
    }
    return labels.isEmpty() ? new ArrayList<>(c.getExpressions()) : labels;
  }

  /** The {@code when} guard of {@code c} (JDK 21), or null. */
  public static ExpressionTree guard(CaseTree c) {
    Set<Tree> other = identitySet(c.getExpressions());
    if (c.getStatements() != null) {
      other.addAll(c.getStatements());
    }
    for (Tree child : children(c)) {
      if (!isLabel(child)
          && child != c.getBody()
          && !other.contains(child)
          && child instanceof ExpressionTree) {
        return (ExpressionTree) child;
      }
    }
    return null;
  }

  /** The pattern of a pattern label, or null for any other label. */
  public static Tree pattern(Tree label) {
    return kind(label).equals("PATTERN_CASE_LABEL") ? children(label).get(0) : null;
  }

  /** The expression of a constant label ({@code case 1}, {@code case null}), or null. */
  public static ExpressionTree constant(Tree label) {
    if (kind(label).equals("CONSTANT_CASE_LABEL")) {
      return (ExpressionTree) children(label).get(0);
    }
    return label instanceof ExpressionTree ? (ExpressionTree) label : null;
  }

  /** Whether {@code label} is {@code default} (a JDK 21 {@code case null, default} has one). */
  public static boolean isDefault(Tree label) {
    return kind(label).equals("DEFAULT_CASE_LABEL");
  }

  /** Whether {@code c} is a {@code default} case, alone or with {@code case null}. */
  public static boolean isDefault(CaseTree c) {
    List<Tree> labels = labels(c);
    return labels.isEmpty() || labels.stream().anyMatch(CaseLabels::isDefault);
  }

  /** Whether {@code c} has a pattern label (JDK 21). */
  public static boolean hasPattern(CaseTree c) {
    return labels(c).stream().anyMatch(l -> pattern(l) != null);
  }

  /** Whether {@code c} has a {@code case null} label. */
  public static boolean hasNull(CaseTree c) {
    for (Tree label : labels(c)) {
      ExpressionTree e = constant(label);
      if (e != null && e.getKind() == Tree.Kind.NULL_LITERAL) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code pattern} is a record pattern ({@code Point(var x, var y)}, JDK 21). */
  public static boolean isRecordPattern(Tree pattern) {
    return kind(pattern).equals("RECORD_PATTERN");
  }

  /** The record type a record pattern names. */
  public static Tree deconstructor(Tree recordPattern) {
    return children(recordPattern).get(0);
  }

  /**
   * The variables a pattern binds, nested record patterns included, in source order; an unnamed
   * {@code _} (JDK 22) binds nothing.
   */
  public static List<VariableTree> bindings(Tree pattern) {
    List<VariableTree> out = new ArrayList<>();
    if (pattern == null) {
      return out;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBindingPattern(BindingPatternTree node, Void unused) {
        String name = node.getVariable().getName().toString();
        if (!name.isEmpty() && !name.equals("_")) {
          out.add(node.getVariable());
        }
        return null;
      }
    }.scan(pattern, null);
    return out;
  }

  private static boolean isLabel(Tree t) {
    return kind(t).endsWith("_CASE_LABEL");
  }

  private static String kind(Tree t) {
    return t.getKind().name();
  }

  /** The direct children of {@code t}, in the order the running JDK's scanner visits them. */
  private static List<Tree> children(Tree t) {
    List<Tree> out = new ArrayList<>();
    t.accept(
        new TreeScanner<Void, Void>() {
          @Override
          public Void scan(Tree tree, Void unused) {
            if (tree != null) {
              out.add(tree);
            }
            return null;
          }
        },
        null);
    return out;
  }

  private static Set<Tree> identitySet(List<? extends Tree> trees) {
    Set<Tree> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(trees);
    return s;
  }
}
