/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.SourceText;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The async blocks of one {@code @Async} method ({@code Futures.async(() -> ...)}, nested ones and
 * those in plain lambdas included), in source order: each becomes a state machine of its own,
 * {@code <machine>_block<n>}, created where the block is with the values it captures.
 */
public final class AsyncBlocks {
  /**
   * One block.
   *
   * @param call the {@code async(...)} call
   * @param lambda its lambda, whose body the block's machine runs
   * @param machine the block machine's class name
   * @param captures the locals and parameters declared outside the lambda that its body reads,
   *     in order of first use: the block machine's fields, given to its constructor
   */
  public record Block(
      MethodInvocationTree call, LambdaExpressionTree lambda, String machine, List<VariableTree> captures) {}

  private final Map<Tree, Block> byCall = new IdentityHashMap<>();
  private final List<Block> blocks = new ArrayList<>();

  private AsyncBlocks() {}

  /** The blocks of {@code body}, the body of the method whose machine is {@code machine}. */
  public static AsyncBlocks of(
      Tree body, String machine, Awaits awaits, BodyNames names, SourceText src) {
    AsyncBlocks out = new AsyncBlocks();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (awaits.isAsyncBlock(node)) {
          LambdaExpressionTree lambda = (LambdaExpressionTree) node.getArguments().get(0);
          Block b =
              new Block(
                  node,
                  lambda,
                  machine + "_block" + (out.blocks.size() + 1),
                  captures(lambda, names, src));
          out.blocks.add(b);
          out.byCall.put(node, b);
        }
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        // a block in a class body would need that object: validation rejects its awaits
        return null;
      }
    }.scan(body, null);
    return out;
  }

  /** The locals declared outside {@code lambda} that its body reads. */
  private static List<VariableTree> captures(
      LambdaExpressionTree lambda, BodyNames names, SourceText src) {
    int start = src.start(lambda);
    int end = src.end(lambda);
    Set<VariableTree> out = new LinkedHashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        VariableTree decl = names.local(node);
        if (decl != null && (src.start(decl) < start || src.start(decl) >= end)) {
          out.add(decl);
        }
        return null;
      }
    }.scan(lambda.getBody(), null);
    return List.copyOf(out);
  }

  /** The blocks, in source order (an enclosing block before the blocks inside it). */
  public List<Block> all() {
    return blocks;
  }

  /** The block of the {@code async(...)} call {@code call}, or null. */
  public Block of(Tree call) {
    return byCall.get(call);
  }
}
