/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.model;

/**
 * How a generated state machine finishes a {@code finally} block (or closes a resource), shared by
 * the lowering, which writes the jumps, and codegen, which declares the constants.
 *
 * <p>Every finally block (and every resource of a try-with-resources, whose close is a finally
 * block of its own) has a <em>completion record</em> of two fields: {@code finallyNNext}, where
 * to go when the block completes normally, and {@code finallyNThrown}, the exception to rethrow.
 * Whoever enters the block sets the record first:
 *
 * <ul>
 *   <li>a jump out of the try (a {@code return}, {@code break}, {@code continue}, the end of the
 *       try or of a catch) stores its target state in {@code Next}; leaving through several
 *       finally blocks goes through one trampoline state per block;
 *   <li>an exception caught by the exception table stores {@link #RETHROW} in {@code Next} and
 *       the exception in {@code Thrown}: the block rethrows it when it completes;
 *   <li>{@code cancel()} stores {@link #CANCEL}: the block, once complete, enters the next
 *       enclosing finally block the same way, and the outermost one marks the machine {@link
 *       #DONE}.
 * </ul>
 *
 * A finally block that completes abruptly itself (its own return, throw or jump) simply never reads
 * its record, which is what JLS 14.20.2 says happens to the pending completion.
 */
public final class CompletionProtocol {
  private CompletionProtocol() {}

  /** The state of a machine that completed, failed or was cancelled. */
  public static final int DONE = -1;

  /** The completion of a finally block entered by an exception: rethrow it when done. */
  public static final int RETHROW = -2;

  /** The completion of a finally block run by {@code cancel()}: go on to the enclosing one. */
  public static final int CANCEL = -3;
}
