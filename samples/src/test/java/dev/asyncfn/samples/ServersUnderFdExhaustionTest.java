/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The echo and the chat server when the process runs out of file descriptors: accept fails with
 * "Too many open files", the server keeps its listener and retries, and serves again once
 * descriptors are free, closing everything it opened when stopped.
 *
 * <p>The exhaustion is real, not simulated: {@link FdExhaustion} runs in a child JVM whose soft
 * limit is lowered with bash's {@code ulimit -n} (a test seam in the listener would test the seam,
 * not the listener, the reactor and the server's loop under {@code EMFILE}).
 */
class ServersUnderFdExhaustionTest {
  private static final int FD_LIMIT = 256;

  @ParameterizedTest
  @ValueSource(strings = {"echo", "chat"})
  void theServerKeepsServingWhenAcceptRunsOutOfDescriptorsAndRecovers(String which)
      throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux: /proc/self/fd, ulimit");
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb =
        new ProcessBuilder(
            "/bin/bash",
            "-c",
            "ulimit -n "
                + FD_LIMIT
                + " && exec \"$0\" -cp \"$1\" "
                + FdExhaustion.class.getName()
                + " "
                + which,
            java,
            classPath);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    boolean exited = p.waitFor(90, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      p.destroyForcibly();
    }
    assertTrue(exited, "the child did not finish:\n" + out);
    assertEquals(0, p.exitValue(), out);
    List<String> lines = out.lines().toList();
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("accept failed") && l.contains("Too many open files")),
        out);
    assertTrue(lines.contains("served after recovery"), out);
    assertTrue(lines.contains("sockets open after stop: 0"), out);
    assertTrue(lines.contains("OK"), out);
  }
}
