/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Runs a short demonstration of every sample, one after the other; the default sample. It starts
 * what they need on loopback (the JDK's HttpServer; the servers start themselves in their turn)
 * and stops all of it at the end.
 */
final class Tour implements Sample {
  @Override
  public String name() {
    return "tour";
  }

  @Override
  public String summary() {
    return "a short demonstration of every sample (the default)";
  }

  /**
   * What the tour runs the samples against: an HTTP server, and the servers the server samples
   * started (so the client samples after them can talk to them).
   */
  @SuppressWarnings("try") // close() rethrows what the servers' close() threw, as it is
  static final class Env implements AutoCloseable {
    private final LocalHttpServer http;
    private final Deque<AutoCloseable> toStop = new ArrayDeque<>();
    private int echoPort = -1;
    private int chatPort = -1;

    Env(LocalHttpServer http) {
      this.http = http;
    }

    LocalHttpServer http() {
      return http;
    }

    /** Registers a server to stop when the tour ends. */
    void stopAtEnd(AutoCloseable server) {
      toStop.push(server);
    }

    int echoPort() {
      return require(echoPort, "echo-server");
    }

    void echoPort(int port) {
      echoPort = port;
    }

    int chatPort() {
      return require(chatPort, "chat-server");
    }

    void chatPort(int port) {
      chatPort = port;
    }

    private static int require(int port, String server) {
      if (port < 0) {
        throw new IllegalStateException("the tour runs " + server + " before its client");
      }
      return port;
    }

    @Override
    public void close() throws Exception {
      Exception first = null;
      while (!toStop.isEmpty()) {
        try {
          toStop.pop().close();
        } catch (Exception e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      http.close();
      if (first != null) {
        throw first;
      }
    }
  }

  @Override
  @SuppressWarnings("try") // Env.close() declares Exception: see Env
  public int run(List<String> args, PrintStream out) throws Exception {
    long start = System.nanoTime();
    try (Env env = new Env(LocalHttpServer.start(0))) {
      out.println("(the JDK's HttpServer is serving on " + env.http().url("/") + ")");
      out.println();
      for (Sample sample : Main.SAMPLES) {
        out.println("== " + sample.name() + ": " + sample.summary());
        int code = sample.tour(env, out);
        if (code != 0) {
          out.println("sample " + sample.name() + " failed with exit code " + code);
          return code;
        }
        out.println();
      }
    }
    out.printf("tour finished in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    return 0;
  }
}
