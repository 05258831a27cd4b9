/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A base class in another artifact and package: its protected members are the subclass's. */
public abstract class BaseService {
  protected final List<String> audit = new ArrayList<>();
  protected int calls;

  protected abstract String name();

  protected String prefix() {
    return "[" + name() + "]";
  }

  protected static String normalize(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  /** Overridden in the subclass, which calls this one with super.describe(...). */
  public String describe(String what) {
    calls++;
    return prefix() + " " + what;
  }

  public List<String> audit() {
    List<String> out = new ArrayList<>(audit);
    out.add("calls=" + calls);
    return out;
  }
}
