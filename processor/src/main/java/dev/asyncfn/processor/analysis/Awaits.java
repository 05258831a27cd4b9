/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.analysis;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Answers "is this call a suspension point?": a call that resolves to {@code
 * dev.asyncfn.runtime.Futures.await}, through a static import, an on-demand static import, or a
 * qualified name; "is this an async block?", {@code Futures.async(() -> ...)}; and "is this loop
 * over a stream?", {@code for (T x : Futures.awaitEach(stream))}, which awaits each element.
 * Also records which trees of a body contain an await or such a loop (not looking into lambdas
 * and classes: an async block's awaits are its own machine's, others are errors reported by
 * validation).
 */
public final class Awaits {
  private static final String FUTURES = "dev.asyncfn.runtime.Futures";

  private final boolean staticImported;
  private final boolean asyncImported;
  private final boolean eachImported;
  private final boolean futuresImported;
  private final boolean ownAwaitMember;
  private final boolean ownAsyncMember;
  private final Set<Tree> containing = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * @param ownAwaitMember whether the enclosing class itself has a method named {@code await},
   *     which shadows a static import
   */
  public Awaits(CompilationUnitTree unit, boolean ownAwaitMember) {
    this(unit, ownAwaitMember, false);
  }

  /**
   * @param ownAwaitMember whether the enclosing class itself has a method named {@code await}
   * @param ownAsyncMember whether it has a method named {@code async}, which shadows {@code
   *     Futures.async}
   */
  public Awaits(CompilationUnitTree unit, boolean ownAwaitMember, boolean ownAsyncMember) {
    boolean st = false;
    boolean as = false;
    boolean fi = false;
    boolean ea = false;
    String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    for (ImportTree imp : unit.getImports()) {
      String name = imp.getQualifiedIdentifier().toString();
      if (imp.isStatic()) {
        if (name.equals(FUTURES + ".await") || name.equals(FUTURES + ".*")) {
          st = true;
        }
        if (name.equals(FUTURES + ".async") || name.equals(FUTURES + ".*")) {
          as = true;
        }
        if (name.equals(FUTURES + ".awaitEach") || name.equals(FUTURES + ".*")) {
          ea = true;
        }
      } else if (name.equals(FUTURES) || name.equals("dev.asyncfn.runtime.*")) {
        fi = true;
      }
    }
    this.staticImported = st;
    this.asyncImported = as;
    this.eachImported = ea;
    this.futuresImported = fi || pkg.equals("dev.asyncfn.runtime");
    this.ownAwaitMember = ownAwaitMember;
    this.ownAsyncMember = ownAsyncMember;
  }

  /**
   * Whether {@code tree} is an async block, {@code Futures.async(() -> ...)}: a call of {@code
   * Futures.async} whose argument is a lambda without parameters. Its body is lowered to a state
   * machine of its own.
   */
  public boolean isAsyncBlock(Tree tree) {
    if (!(tree instanceof MethodInvocationTree)) {
      return false;
    }
    MethodInvocationTree call = (MethodInvocationTree) tree;
    if (call.getArguments().size() != 1
        || !(call.getArguments().get(0) instanceof LambdaExpressionTree)
        || !((LambdaExpressionTree) call.getArguments().get(0)).getParameters().isEmpty()) {
      return false;
    }
    return names(call, "async", asyncImported && !ownAsyncMember);
  }

  /** Whether {@code call} names {@code Futures.<name>}, by a static import or qualified. */
  private boolean names(MethodInvocationTree call, String name, boolean imported) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree) {
      return ((IdentifierTree) select).getName().contentEquals(name) && imported;
    }
    if (select instanceof MemberSelectTree) {
      MemberSelectTree ms = (MemberSelectTree) select;
      if (!ms.getIdentifier().contentEquals(name)) {
        return false;
      }
      String qualifier = ms.getExpression().toString();
      return qualifier.equals(FUTURES) || (qualifier.equals("Futures") && futuresImported);
    }
    return false;
  }

  /** Whether {@code call} is {@code Futures.await(x)}. */
  public boolean isAwait(Tree tree) {
    if (!(tree instanceof MethodInvocationTree)) {
      return false;
    }
    MethodInvocationTree call = (MethodInvocationTree) tree;
    return call.getArguments().size() == 1
        && names(call, "await", staticImported && !ownAwaitMember);
  }

  /** Whether {@code tree} is {@code Futures.awaitEach(stream)}. */
  public boolean isAwaitEach(Tree tree) {
    return tree instanceof MethodInvocationTree
        && ((MethodInvocationTree) tree).getArguments().size() == 1
        && names((MethodInvocationTree) tree, "awaitEach", eachImported);
  }

  /**
   * Whether {@code tree} is a for-each loop over {@code awaitEach(stream)}: each iteration awaits
   * the stream's next element, so the loop is a suspension point.
   */
  public boolean isAwaitEachLoop(Tree tree) {
    return tree instanceof EnhancedForLoopTree && eachCall((EnhancedForLoopTree) tree) != null;
  }

  /** The {@code awaitEach(stream)} call a for-each loop iterates, or null. */
  public MethodInvocationTree eachCall(EnhancedForLoopTree loop) {
    ExpressionTree e = loop.getExpression();
    while (e instanceof ParenthesizedTree) {
      e = ((ParenthesizedTree) e).getExpression();
    }
    return isAwaitEach(e) ? (MethodInvocationTree) e : null;
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
        boolean found = Boolean.TRUE.equals(inner) || isAwait(tree) || isAwaitEachLoop(tree);
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
