/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

/** A user class named like the runtime's Context. */
public final class Context {
  private final StringBuilder log = new StringBuilder();

  public Context append(Object o) {
    log.append(o).append(';');
    return this;
  }

  @Override
  public String toString() {
    return log.toString();
  }
}
