/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

/** A type the lowering needs is not known yet (an error type this round): retry next round. */
public final class Deferred extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public final transient Object tree;

  public Deferred(String message, Object tree) {
    super(message, null, false, false);
    this.tree = tree;
  }
}
