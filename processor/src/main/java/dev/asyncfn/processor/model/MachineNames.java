/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.model;

/**
 * The names a state machine declares for itself, chosen so that none clashes with a name the
 * user's body uses (the user's names are kept as they are).
 *
 * @param state the field with the current state
 * @param awaiting the field with the future of the await the machine is suspended in
 * @param context the parameter of {@code poll}
 * @param failure the variable of the catch around the state switch
 * @param loop the label of the {@code for (;;)} around the state switch
 * @param done the constant {@link CompletionProtocol#DONE}
 * @param rethrow the constant {@link CompletionProtocol#RETHROW}
 * @param cancel the constant {@link CompletionProtocol#CANCEL}
 * @param complete the method that marks the machine done and returns its result
 * @param cancelling the field set while {@code cancel()} runs finally blocks
 * @param cancelledAt the field with the state {@code cancel()} found the machine in
 * @param lines the constant with the source line of each state
 * @param source the constant {@code SourceMap} of the machine: its user class, method and lines
 * @param sourceLines the method returning the table of generated lines to user lines
 */
public record MachineNames(
    String state,
    String awaiting,
    String context,
    String failure,
    String loop,
    String done,
    String rethrow,
    String cancel,
    String complete,
    String cancelling,
    String cancelledAt,
    String lines,
    String source,
    String sourceLines) {}
