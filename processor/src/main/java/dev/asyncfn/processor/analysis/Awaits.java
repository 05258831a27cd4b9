/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Answers "is this call a suspension point?": a call that resolves to {@code
 * dev.asyncfn.runtime.Futures.await}, through a static import, an on-demand static import, or a
 * qualified name. Also records which trees of a body contain one (not looking into lambdas and
 * classes, whose awaits are errors reported by validation).
 */
public final class Awaits {
  private static final String FUTURES = "dev.asyncfn.runtime.Futures";

  private final boolean staticImported;
  private final boolean futuresImported;
  private final boolean ownAwaitMember;
  private final Set<Tree> containing = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * @param ownAwaitMember whether the enclosing class itself has a method named {@code await},
   *     which shadows a static import
   */
  public Awaits(CompilationUnitTree unit, boolean ownAwaitMember) {
    boolean st = false;
    boolean fi = false;
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    for (ImportTree imp : unit.getImports()) {
      String name = imp.getQualifiedIdentifier().toString();
      if (imp.isStatic()) {
        if (name.equals(FUTURES + ".await") || name.equals(FUTURES + ".*")) {
          st = true;
        }
      } else if (name.equals(FUTURES) || name.equals("dev.asyncfn.runtime.*")) {
        fi = true;
      }
    }
    this.staticImported = st;
    this.futuresImported = fi || pkg.equals("dev.asyncfn.runtime");
    this.ownAwaitMember = ownAwaitMember;
  }

  /** Whether {@code call} is {@code Futures.await(x)}. */
  public boolean isAwait(Tree tree) {
    if (!(tree instanceof MethodInvocationTree)) {
      return false;
    }
    MethodInvocationTree call = (MethodInvocationTree) tree;
    if (call.getArguments().size() != 1) {
      return false;
    }
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree) {
      return ((IdentifierTree) select).getName().contentEquals("await")
          && staticImported
          && !ownAwaitMember;
    }
    if (select instanceof MemberSelectTree) {
      MemberSelectTree ms = (MemberSelectTree) select;
      if (!ms.getIdentifier().contentEquals("await")) {
        return false;
      }
      String qualifier = ms.getExpression().toString();
      return qualifier.equals(FUTURES) || (qualifier.equals("Futures") && futuresImported);
    }
    return false;
  }

  /** Marks every tree of {@code body} that contains an await (outside lambdas and classes). */
  public void index(Tree body) {
    new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean scan(Tree tree, Void unused) {
        if (tree == null) {
          return false;
        }
        Boolean inner = super.scan(tree, null);
        boolean found = Boolean.TRUE.equals(inner) || isAwait(tree);
        if (found) {
          containing.add(tree);
        }
        return found;
      }

      @Override
      public Boolean scan(Iterable<? extends Tree> trees, Void unused) {
        boolean any = false;
        if (trees != null) {
          for (Tree t : trees) {
            any |= scan(t, null);
          }
        }
        return any;
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }

      @Override
      public Boolean visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return false;
      }

      @Override
      public Boolean visitClass(ClassTree node, Void unused) {
        return false;
      }
    }.scan(body, null);
  }

  /** Whether {@code tree} contains (or is) an await, after {@link #index}. */
  public boolean contains(Tree tree) {
    return tree != null && containing.contains(tree);
  }
}
