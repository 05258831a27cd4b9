/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.base;

/** A value type of the base library. */
public record Money(long cents) {
  public Money plus(Money other) {
    return new Money(cents + other.cents);
  }

  public Money times(int n) {
    return new Money(cents * n);
  }

  @Override
  public String toString() {
    return String.format("%d.%02d", cents / 100, cents % 100);
  }
}
