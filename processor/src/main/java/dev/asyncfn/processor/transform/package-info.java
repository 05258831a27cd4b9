/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The lowering: one {@code @Async} body to the states of a poll-based state machine ({@link
 * dev.asyncfn.processor.transform.Lowering} is the entry; it wires the pieces below for one method).
 *
 * <table>
 *   <caption>Where each construct is lowered</caption>
 *   <tr><td>blocks, locals, if, labels, assert, return, throw, yield</td><td>StatementLowering</td></tr>
 *   <tr><td>while, do, for, for-each</td><td>LoopLowering</td></tr>
 *   <tr><td>switch statements and expressions (one case loop)</td><td>SwitchLowering</td></tr>
 *   <tr><td>try, catch, finally, try-with-resources</td><td>TryLowering</td></tr>
 *   <tr><td>expressions; &amp;&amp;, ||; assignment</td><td>ExpressionLowering</td></tr>
 *   <tr><td>await</td><td>AwaitLowering</td></tr>
 *   <tr><td>?: with an await in a branch</td><td>ConditionalLowering</td></tr>
 *   <tr><td>operand order (JLS 15.7), holding values across an await</td><td>OperandOrder</td></tr>
 *   <tr><td>conversions at evaluation (JLS 5.6), binary and compound operators</td><td>Conversions</td></tr>
 *   <tr><td>jumps through finally blocks, returns, break/continue, yield</td><td>Exits</td></tr>
 *   <tr><td>the exception table and the cancel plan</td><td>ExceptionTable</td></tr>
 *   <tr><td>types of locals and of expressions; witnesses</td><td>LocalTypes, ExpressionTypes, Witnesses</td></tr>
 *   <tr><td>re-emitting the user's source text</td><td>SourceRenderer, MemberRewrites</td></tr>
 * </table>
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Code is JavaPoet {@code CodeBlock}s: runtime types as {@code $T}, the user's text as {@code
 *       $L}, a state as the {@link dev.asyncfn.processor.transform.State} object itself, which
 *       prints its number once the graph is numbered (in activation order).
 *   <li>Code is only ever added to the current state of the {@link
 *       dev.asyncfn.processor.transform.StateGraph}; a terminated state takes no more code.
 *   <li>Every name the machine chooses goes through {@link
 *       dev.asyncfn.processor.transform.MachineFields}, which avoids every name of the body.
 *   <li>A construct that cannot be kept exact throws {@link
 *       dev.asyncfn.processor.transform.Unsupported} (a positioned error); a type not known yet
 *       throws {@link dev.asyncfn.processor.transform.Deferred} (retry next round). Nothing else
 *       leaves the lowering.
 * </ul>
 */
package dev.asyncfn.processor.transform;
