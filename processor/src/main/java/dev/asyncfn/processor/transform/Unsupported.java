/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.Tree;
import dev.asyncfn.processor.diagnostics.Message;

/** A construct the lowering cannot keep exact: reported as a positioned error. */
public final class Unsupported extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public final transient Tree tree;
  public final transient Message message;
  public final transient Object[] args;

  public Unsupported(Tree tree, String what, boolean unknownType) {
    this(tree, unknownType ? Message.UNKNOWN_TYPE : Message.UNSUPPORTED_CONSTRUCT, what);
  }

  public Unsupported(Tree tree, Message message, Object... args) {
    super(message.format(args), null, false, false);
    this.tree = tree;
    this.message = message;
    this.args = args.clone();
  }
}
