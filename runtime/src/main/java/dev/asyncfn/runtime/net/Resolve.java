/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.net;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.internal.handle.Handle;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Name resolution off the polling thread: {@code InetAddress.getAllByName} blocks, so it runs on
 * the runtime's blocking pool ({@code spawnBlocking}), or, when polled outside any runtime, on a
 * small daemon pool of its own. Literal addresses skip it.
 */
final class Resolve {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Resolve() {}

  /**
   * Whether {@code host} is an IP literal, which {@code InetAddress.getByName} parses without a
   * lookup.
   */
  static boolean isLiteral(String host) {
    return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
  }

  /** The address of a literal host, at once. */
  static InetAddress literal(String host) throws UnknownHostException {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return InetAddress.getByName(h);
  }

  /** A future of every address of {@code host}; fails with {@code UnknownHostException}. */
  static Future<InetAddress[]> lookup(String host) {
    Handle rt = RuntimeContext.current();
    if (rt != null) {
      return rt.spawnBlocking(() -> InetAddress.getAllByName(host));
    }
    CompletableFuture<InetAddress[]> result = new CompletableFuture<>();
    Fallback.POOL.execute(
        () -> {
          try {
            result.complete(InetAddress.getAllByName(host));
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return Futures.fromCompletionStage(result);
  }

  /** Lookups polled outside a runtime; created on first use. */
  private static final class Fallback {
    static final ExecutorService POOL =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "asyncfn-resolver");
              t.setDaemon(true);
              return t;
            });
  }
}
