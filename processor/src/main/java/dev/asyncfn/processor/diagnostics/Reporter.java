/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/** The only place that prints diagnostics: at a tree when one is known, else at an element. */
public final class Reporter {
  private final Trees trees;
  private final Messager messager;

  public Reporter(Trees trees, Messager messager) {
    this.trees = trees;
    this.messager = messager;
  }

  /** Reports {@code message} at {@code tree} in {@code unit}. */
  public void at(Tree tree, CompilationUnitTree unit, Message message, Object... args) {
    trees.printMessage(message.kind(), message.format(args), tree, unit);
  }

  /** Reports {@code message} at {@code element} (signature problems). */
  public void at(Element element, Message message, Object... args) {
    messager.printMessage(message.kind(), message.format(args), element);
  }

  /** Reports an unexpected failure outside any one method, with its stack trace. */
  public void internalError(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    messager.printMessage(
        Message.INTERNAL_ERROR.kind(), Message.INTERNAL_ERROR.format("@Async methods", trace));
  }

  /** Reports an unexpected failure as an error on {@code method}, with its stack trace. */
  public void internalError(Element method, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    String name = method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    messager.printMessage(
        Message.INTERNAL_ERROR.kind(), Message.INTERNAL_ERROR.format(name, trace), method);
  }
}
