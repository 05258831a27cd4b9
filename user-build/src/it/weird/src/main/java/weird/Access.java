/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

/** A user class named like the runtime's private-member accessor helper Access. */
public final class Access {
  private Access() {}

  public static int field(int x) {
    return x * 1000;
  }
}
