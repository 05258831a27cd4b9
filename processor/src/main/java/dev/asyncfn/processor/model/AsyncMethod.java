/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** An {@code @Async} method and the names of what is generated for it. */
public final class AsyncMethod {
  public final TypeElement owner;
  public final ExecutableElement method;
  /** Simple name of the companion, e.g. {@code OuterAsync} or {@code A_BAsync}. */
  public final String companion;
  /** Simple name of the state machine class, e.g. {@code OuterAsync_fetch}. */
  public final String machine;
  public final String packageName;

  public AsyncMethod(
      TypeElement owner,
      ExecutableElement method,
      String companion,
      String machine,
      String packageName) {
    this.owner = owner;
    this.method = method;
    this.companion = companion;
    this.machine = machine;
    this.packageName = packageName;
  }
}
