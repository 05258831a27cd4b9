/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.realworld;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.TestFutures.laterFail;
import static dev.asyncfn.testing.TestFutures.laterIo;
import static dev.asyncfn.testing.TestFutures.laterThrow;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.ThrowingFuture;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real-world-shaped code: a client with retries, paging, parsing, caching and cleanup. */
public class Client {

  /** A fake connection whose operations are futures, like a socket's. */
  static final class Connection implements AutoCloseable {
    final String host;
    final Deque<String> lines = new ArrayDeque<>();
    int failuresLeft;
    boolean closed;

    Connection(String host, int failures, String... lines) {
      this.host = host;
      this.failuresLeft = failures;
      this.lines.addAll(List.of(lines));
      log("connect " + host);
    }

    ThrowingFuture<String, IOException> request(String path) {
      if (failuresLeft > 0) {
        failuresLeft--;
        return laterThrow(new IOException("reset by " + host));
      }
      return laterIo(host + path);
    }

    ThrowingFuture<String, IOException> readLine() {
      return laterIo(lines.poll());
    }

    Future<List<Integer>> page(int n) {
      return later(n < 3 ? List.of(n * 10, n * 10 + 1) : List.of());
    }

    @Override
    public void close() {
      closed = true;
      log("close " + host);
    }
  }

  final Map<String, String> cache = new HashMap<>();
  int requests;

  @Async
  static String withRetries(int failures, int maxAttempts) throws IOException {
    try (Connection c = new Connection("h", failures)) {
      IOException last = null;
      for (int attempt = 1; attempt <= maxAttempts; attempt++) {
        try {
          String r = await(c.request("/x"));
          log("attempt " + attempt + " ok");
          return r + " after " + attempt;
        } catch (IOException e) {
          last = e;
          log("attempt " + attempt + " failed: " + e.getMessage());
          await(later(null)); // back off
        }
      }
      throw new IOException("gave up after " + maxAttempts, last);
    }
  }

  @Async
  static List<Integer> allPages() {
    Connection c = new Connection("pages", 0);
    List<Integer> out = new ArrayList<>();
    int n = 0;
    List<Integer> page;
    while (!(page = await(c.page(n++))).isEmpty()) {
      out.addAll(page);
    }
    return out;
  }

  @Async
  static Map<String, String> parseHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    try (Connection c = new Connection("hdr", 0, "A: 1", "B:2", "bad", "C:  three", "")) {
      String line;
      while (!(line = await(c.readLine())).isEmpty()) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          log("skip " + line);
          continue;
        }
        headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  @Async
  String cached(String key) {
    String v = cache.get(key);
    if (v == null) {
      requests++;
      v = await(later(key.toUpperCase()));
      cache.put(key, v);
    }
    return v;
  }

  @Async
  String cachedTwiceThenOther() {
    String a = await(ClientAsync.cached(this, "k"));
    String b = await(ClientAsync.cached(this, "k"));
    String c = await(ClientAsync.cached(this, "z"));
    return a + b + c + " requests=" + requests;
  }

  @Async
  static String fanOutCollect(List<String> hosts) {
    List<Future<String>> pending = new ArrayList<>();
    for (String h : hosts) {
      pending.add(h.startsWith("!") ? laterFail(new IllegalStateException(h)) : later("ok:" + h));
    }
    StringBuilder sb = new StringBuilder();
    int failures = 0;
    for (Future<String> f : pending) {
      try {
        sb.append(await(f)).append(' ');
      } catch (IllegalStateException e) {
        failures++;
        sb.append("fail:").append(e.getMessage()).append(' ');
      }
    }
    return sb.toString().trim() + " (" + failures + " failed)";
  }

  @Async
  static String protocol(List<String> messages) {
    StringBuilder log = new StringBuilder();
    int depth = 0;
    for (String m : messages) {
      String kind = await(later(m.split(" ")[0]));
      switch (kind) {
        case "OPEN" -> {
          depth++;
          log.append('(');
        }
        case "CLOSE" -> {
          if (depth == 0) {
            throw new IllegalStateException("unbalanced at " + m);
          }
          depth--;
          log.append(')');
        }
        case "DATA" -> log.append(await(later(m.substring(5))));
        default -> log.append('?');
      }
    }
    return log + " depth=" + depth;
  }
}
