/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Futures;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The JDK's own {@code java.net.http.HttpClient}: {@code sendAsync} returns a {@code
 * CompletableFuture}, which an {@code @Async} method awaits directly through the CompletionStage
 * bridge.
 */
final class JdkClient implements Sample {
  @Override
  public String name() {
    return "sendasync";
  }

  @Override
  public String summary() {
    return "[URL]: await java.net.http.HttpClient.sendAsync (a local HttpServer if no URL)";
  }

  @Async
  static String fetch(HttpClient client, String url) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response =
        await(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    return "HttpClient.sendAsync: "
        + response.statusCode()
        + ", "
        + response.body().length()
        + " chars, "
        + response.version();
  }

  @Override
  public int run(List<String> args, PrintStream out) throws Exception {
    Args parsed = Args.parse(args);
    if (parsed.positional.size() > 1) {
      out.println("usage: sendasync [http://127.0.0.1:PORT/PATH]");
      return 2;
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    if (!parsed.positional.isEmpty()) {
      String url = Args.loopbackUrl(parsed.positional.get(0));
      out.println(Futures.blockOn(JdkClientAsync.fetch(client, url)));
      return 0;
    }
    try (LocalHttpServer server = LocalHttpServer.start(0)) {
      out.println(Futures.blockOn(JdkClientAsync.fetch(client, server.url("/hello"))));
    }
    return 0;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) throws Exception {
    return run(List.of(env.http().url("/chunked?n=30")), out);
  }
}
