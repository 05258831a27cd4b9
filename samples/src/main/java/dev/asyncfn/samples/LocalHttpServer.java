/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own HTTP server on 127.0.0.1 with a few routes, for the tour and the tests: a server we
 * did not write.
 *
 * <ul>
 *   <li>{@code /hello}: a short text with Content-Length;
 *   <li>{@code /slow?ms=N}: the same after N milliseconds;
 *   <li>{@code /chunked?n=N}: N numbered lines sent with chunked transfer coding;
 *   <li>{@code /bytes?n=N}: N bytes with Content-Length;
 *   <li>{@code /echo}: the request body back, with the method in a header.
 * </ul>
 */
final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService handlers;

  private LocalHttpServer(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  /** Starts on 127.0.0.1:{@code port} (0 for an ephemeral port). */
  static LocalHttpServer start(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
    // Slow routes sleep in their handler; enough threads that they never delay the fast ones.
    ExecutorService handlers = Executors.newFixedThreadPool(16, daemonThreads());
    server.setExecutor(handlers);
    server.createContext("/hello", ex -> send(ex, 200, "hello from the JDK's HttpServer\n", false));
    server.createContext(
        "/slow",
        ex -> {
          try {
            Thread.sleep(queryInt(ex.getRequestURI(), "ms", 1000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, 200, "slow answer\n", false);
        });
    server.createContext(
        "/chunked",
        ex -> {
          StringBuilder text = new StringBuilder();
          for (int i = 1, n = queryInt(ex.getRequestURI(), "n", 100); i <= n; i++) {
            text.append("line ").append(i).append('\n');
          }
          send(ex, 200, text.toString(), true);
        });
    server.createContext(
        "/bytes",
        ex -> {
          byte[] body = new byte[queryInt(ex.getRequestURI(), "n", 1000)];
          for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
          }
          sendBytes(ex, 200, body, false);
        });
    server.createContext(
        "/echo",
        ex -> {
          byte[] body;
          try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
          }
          ex.getResponseHeaders().add("X-Method", ex.getRequestMethod());
          sendBytes(ex, 200, body, false);
        });
    server.start();
    return new LocalHttpServer(server, handlers);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port} followed by {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    try {
      handlers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange ex, int status, String text, boolean chunked)
      throws IOException {
    sendBytes(ex, status, text.getBytes(StandardCharsets.UTF_8), chunked);
  }

  private static void sendBytes(HttpExchange ex, int status, byte[] body, boolean chunked)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    // HttpServer sends a chunked body when the length given is 0.
    ex.sendResponseHeaders(status, chunked ? 0 : body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      if (chunked) {
        // Several writes, so the body really arrives in several chunks.
        for (int off = 0; off < body.length; off += 100) {
          out.write(body, off, Math.min(100, body.length - off));
          out.flush();
        }
      } else {
        out.write(body);
      }
    }
  }

  private static int queryInt(URI uri, String name, int fallback) {
    String query = uri.getQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith(name + "=")) {
          return Integer.parseInt(pair.substring(name.length() + 1));
        }
      }
    }
    return fallback;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "local-http-server");
      t.setDaemon(true);
      return t;
    };
  }
}
