/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Warns about an await in a method without {@code @Async} of a class that has {@code @Async}
 * methods: probably a missing {@code @Async}; as written it blocks the calling thread.
 */
public final class AwaitOutsideAsyncChecker {
  private final Trees trees;
  private final Reporter reporter;

  public AwaitOutsideAsyncChecker(Trees trees, Reporter reporter) {
    this.trees = trees;
    this.reporter = reporter;
  }

  /** Warns about the awaits of {@code owner}'s methods that {@code isAsync} does not accept. */
  public void check(TypeElement owner, boolean ownAwaitMember, Predicate<Element> isAsync) {
    TreePath path = trees.getPath(owner);
    if (path == null) {
      return;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    Awaits awaits = new Awaits(unit, ownAwaitMember);
    for (Tree member : ((ClassTree) path.getLeaf()).getMembers()) {
      if (!(member instanceof MethodTree)) {
        continue;
      }
      MethodTree mt = (MethodTree) member;
      Element e = trees.getElement(new TreePath(path, mt));
      if (e == null || isAsync.test(e) || mt.getBody() == null) {
        continue;
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          if (awaits.isAwait(node)) {
            reporter.at(node, unit, Message.AWAIT_OUTSIDE_ASYNC);
          }
          return super.visitMethodInvocation(node, null);
        }
      }.scan(mt.getBody(), null);
    }
  }
}
