/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The file descriptors this JVM has open, from {@code /proc/self/fd} (Linux). Tests take a baseline
 * before they open anything and check that the count is back to it once everything they opened was
 * closed: a leaked socket is a leaked descriptor.
 */
public final class OpenFds {
  private static final Path FDS = Path.of("/proc/self/fd");

  private OpenFds() {}

  /** Whether descriptors can be counted here (Linux). */
  public static boolean supported() {
    return Files.isDirectory(FDS);
  }

  /** The open descriptors and what each points at (a socket, a pipe, a file). */
  public static TreeMap<Integer, String> snapshot() {
    TreeMap<Integer, String> all = new TreeMap<>();
    try (Stream<Path> s = Files.list(FDS)) {
      for (Path p : s.collect(Collectors.toList())) {
        String target;
        try {
          target = Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
          continue; // closed meanwhile (the directory stream's own descriptor, for one)
        }
        all.put(Integer.parseInt(p.getFileName().toString()), target);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot list " + FDS, e);
    }
    return all;
  }

  /** The number of open descriptors. */
  public static int count() {
    return snapshot().size();
  }

  /** Throws unless no more descriptors are open than in {@code baseline}, naming the extra ones. */
  public static void assertBackTo(TreeMap<Integer, String> baseline, String what) {
    TreeMap<Integer, String> now = snapshot();
    if (now.size() <= baseline.size()) {
      return;
    }
    List<String> extra =
        now.entrySet().stream()
            .filter(e -> !e.getValue().equals(baseline.get(e.getKey())))
            .map(e -> e.getKey() + " -> " + e.getValue())
            .collect(Collectors.toList());
    throw new AssertionError(
        what
            + ": "
            + now.size()
            + " descriptors open, "
            + baseline.size()
            + " before; new: "
            + extra);
  }
}
