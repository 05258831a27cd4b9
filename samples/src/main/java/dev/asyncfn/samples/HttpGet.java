/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import dev.asyncfn.runtime.Futures;
import dev.asyncfn.samples.http.HttpAsync;
import dev.asyncfn.samples.http.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** The "cheapo request": one GET with the {@code @Async} HTTP/1.1 client, run with blockOn. */
final class HttpGet implements Sample {
  @Override
  public String name() {
    return "http-get";
  }

  @Override
  public String summary() {
    return "URL: GET with the @Async HTTP/1.1 client over TcpStream; status line and body size";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws IOException {
    Args parsed = Args.parse(args);
    if (parsed.positional.size() != 1) {
      out.println("usage: http-get http://127.0.0.1:PORT/PATH");
      return 2;
    }
    String url = Args.loopbackUrl(parsed.positional.get(0));
    // Nothing happens until blockOn polls the future: the request is lazy.
    Response response = Futures.blockOn(HttpAsync.get(url));
    out.println(response.statusLine());
    out.println("body: " + response.body().length + " bytes");
    return 0;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) throws IOException {
    return run(List.of(env.http().url("/chunked?n=20")), out);
  }
}
