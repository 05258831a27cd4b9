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

  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 3600) {
      return s / 60 + " min " + s % 60 + " s";
    }
    long min = s / 60;
    if (min < 48 * 60) {
      return min / 60 + " h " + min % 60 + " min";
    }
    return min / (24 * 60) + " d " + (min / 60) % 24 + " h";
  }
}
