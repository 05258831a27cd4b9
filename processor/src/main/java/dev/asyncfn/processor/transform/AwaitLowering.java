/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import dev.asyncfn.processor.model.RuntimeApi;

/**
 * {@code await(f)}: the future is stored and the machine moves to a new state that polls it,
 * falling through into it at once, so a ready future is polled in the same {@code poll} without
 * suspending; a pending one returns {@code Poll.pending()} (its waker is arranged by the future).
 */
final class AwaitLowering {
  private final Lowering l;

  AwaitLowering(Lowering l) {
    this.l = l;
  }

  /**
   * Suspends on {@code call}'s future and returns the read of its output in the resumed state
   * ({@code null} when {@code discard}), into a sink of type {@code target} when one is known.
   */
  CodeBlock await(MethodInvocationTree call, boolean discard, String target) {
    String poll = suspend(call);
    if (discard) {
      return null;
    }
    String v = l.fields.local("value");
    if (target == null) {
      // javac types the dead branch as the await in the source, standalone: far cheaper for it
      // than inferring a witness lambda passed as an argument
      l.graph.line("$L", Witnesses.awaitType(v, l.renderer.render(call, RenderMode.TYPING)));
      l.graph.line("$N = $T.value($N.get());", v, RuntimeApi.WITNESS, poll);
    } else {
      l.graph.line(
          "$L $N = $L;", target, v, Witnesses.readAs(target, CodeBlock.of("$N.get()", poll)));
    }
    return CodeBlock.of("$N", v);
  }

  /** Suspends on {@code call}'s future and stores its output in field {@code into}. */
  void awaitInto(MethodInvocationTree call, String into) {
    String poll = suspend(call);
    l.graph.line("$N = $N.get();", into, poll);
  }

  /** The states of the suspension; returns the local holding the ready poll. */
  private String suspend(MethodInvocationTree call) {
    CodeBlock future = l.expressions.lower(call.getArguments().get(0), false);
    return suspendOn(future, "resumes after " + TreeShapes.oneLine(l.src.of(call)), call);
  }

  /**
   * Suspends on {@code future} (code of the machine, evaluated once) in a new state described as
   * {@code resumes} at {@code at}'s line; returns the local holding the ready poll.
   */
  String suspendOn(CodeBlock future, String resumes, Tree at) {
    String awaiting = l.machineNames.awaiting();
    State resume = l.graph.newState();
    l.describe(resume, resumes, at);
    l.graph.line("$N = $T.future($L);", awaiting, RuntimeApi.MACHINES, future);
    l.graph.gotoState(resume);
    l.graph.activateHere(resume);
    String poll = l.fields.local("poll");
    l.graph.line("$T<?> $N = $N.poll($N);", RuntimeApi.POLL, poll, awaiting, l.machineNames.context());
    l.graph.line("if ($N.isPending()) {", poll);
    if (l.finallyDepth > 0) {
      // cancel() cannot wait: a finally block run by it gets one poll per await (Kotlin's rule)
      l.graph.line("  if ($N) {", l.machineNames.cancelling());
      l.graph.line("    throw $T.notReadyWhileCancelling($N);", RuntimeApi.MACHINES, awaiting);
      l.graph.line("  }");
    }
    l.graph.line("  return $T.pending();", RuntimeApi.POLL);
    l.graph.line("}");
    l.graph.line("$N = null;", awaiting);
    return poll;
  }
}
