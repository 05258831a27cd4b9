/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where an async block is, the machine being built creates the block's machine with the values
 * it captures, read now, and types it as the user's call through a witness that is never run:
 * {@code Machines.block(new OrdersAsync_total_block1(self, id), () -> async(() -> ...))}.
 */
final class BlockCreation {
  private final AsyncBlocks blocks;
  private final MachineFields fields;
  private final String self;
  private final boolean generic;

  /**
   * @param self the receiver's name, or null for a static body
   * @param generic whether block machines declare type variables (inferred with {@code <>})
   */
  BlockCreation(AsyncBlocks blocks, MachineFields fields, String self, boolean generic) {
    this.blocks = blocks;
    this.fields = fields;
    this.self = self;
    this.generic = generic;
  }

  /** The creation of the block {@code call} is, or null when it is no block; typed by {@code typing}. */
  CodeBlock create(Tree call, Function<Tree, CodeBlock> typing) {
    AsyncBlocks.Block b = blocks.of(call);
    if (b == null) {
      return null;
    }
    List<CodeBlock> args = new ArrayList<>();
    if (self != null) {
      args.add(CodeBlock.of("$N", self));
    }
    for (VariableTree v : b.captures()) {
      args.add(CodeBlock.of("$N", valueOf(v)));
    }
    return CodeBlock.of(
        "$T.block(new $N$L($L), () -> $L)",
        RuntimeApi.MACHINES,
        b.machine(),
        generic ? "<>" : "",
        CodeBlock.join(args, ", "),
        typing.apply(call));
  }

  /** Where the machine keeps local {@code v} now: its field, or a local of the state. */
  private String valueOf(VariableTree v) {
    String field = fields.hoisted(v);
    if (field != null) {
      return field;
    }
    String renamed = fields.renamed(v);
    return renamed != null ? renamed : v.getName().toString();
  }
}
