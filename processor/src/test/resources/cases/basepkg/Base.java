/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.basepkg;

/** A superclass in another package: its protected members are inherited by Service. */
public class Base {
  protected int count;
  protected static String shared = "s";

  protected String prefix() {
    return "base";
  }

  public String greet() {
    return "hello from base";
  }

  protected static String util(int x) {
    return "u" + x;
  }
}
