/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

/** A user class named like the generated code's helper Witness, with a static method "value". */
public final class Witness {
  private Witness() {}

  public static String value(Object o) {
    return "witnessed " + o;
  }
}
