/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

/** What re-emitted source text is for, which decides the rewrites it gets. */
enum RenderMode {
  /** Code that runs: captured hoisted locals are copied; awaits must have been lowered already. */
  VALUE,
  /** A whole statement that runs: returns and jumps that leave it are rewritten too. */
  VERBATIM,
  /** Text that is never evaluated (a witness, a dead branch): it only has to type-check. */
  TYPING
}
