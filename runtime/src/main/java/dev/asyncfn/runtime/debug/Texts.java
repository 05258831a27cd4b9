/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.debug;

import java.time.Duration;

/**
 * How dumps print durations: {@code 35 ms}, {@code 1.2 s}, {@code 3 min 5 s}, {@code 2 h 7 min}.
 */
final class Texts {
  private Texts() {}

  /** Appends {@code d} as dumps print it; integer arithmetic only (a dump prints thousands). */
  static StringBuilder appendDuration(StringBuilder b, Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) {
      return b.append(ms).append(" ms");
    }
    if (ms < 60_000) {
      long tenths = (ms + 50) / 100;
      return b.append(tenths / 10).append('.').append(tenths % 10).append(" s");
    }
    long s = ms / 1000;
    if (s < 3600) {
      return b.append(s / 60).append(" min ").append(s % 60).append(" s");
    }
    long min = s / 60;
    if (min < 48 * 60) {
      return b.append(min / 60).append(" h ").append(min % 60).append(" min");
    }
    return b.append(min / (24 * 60)).append(" d ").append((min / 60) % 24).append(" h");
  }
}
