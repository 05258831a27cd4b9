/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.async;
import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Completions;
import dev.asyncfn.samples.http.HttpAsync;
import dev.asyncfn.samples.http.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Several requests in flight at once, taken as they complete ({@code FuturesUnordered}, or
 * {@code select!} in a loop): the total time is the slowest request's, not the sum.
 */
final class ConcurrentGet implements Sample {
  @Override
  public String name() {
    return "concurrent-get";
  }

  @Override
  public String summary() {
    return "URL URL...: all requests in flight at once, printed as they complete, total time";
  }

  /** The outcome of one request: its response or its error, and when it finished. */
  record Fetched(String url, Response response, IOException error, long millis) {}

  /** Starts every request, prints each as it completes; returns how many failed. */
  @Async
  static int fetchAll(List<String> urls, PrintStream out) {
    long start = System.nanoTime();
    List<Future<Fetched>> requests = new ArrayList<>();
    for (String url : urls) {
      // an async block per request, started by unordered() below, all in flight at once
      requests.add(
          async(
              () -> {
                try {
                  Response response = await(HttpAsync.get(url));
                  return new Fetched(url, response, null, (System.nanoTime() - start) / 1_000_000);
                } catch (IOException e) {
                  return new Fetched(url, null, e, (System.nanoTime() - start) / 1_000_000);
                }
              }));
    }
    int failures = 0;
    try (Completions<Fetched> inFlight = Futures.unordered(requests)) {
      while (!inFlight.isEmpty()) {
        Fetched done = await(inFlight.next());
        if (done.error() == null) {
          out.printf(
              "%s  %s  (%d bytes) after %d ms%n",
              done.response().statusLine(),
              done.url(),
              done.response().body().length,
              done.millis());
        } else {
          failures++;
          out.printf("FAILED  %s  (%s) after %d ms%n", done.url(), done.error(), done.millis());
        }
      }
    }
    out.printf("%d requests done in %d ms%n", urls.size(), (System.nanoTime() - start) / 1_000_000);
    return failures;
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    Args parsed = Args.parse(args);
    if (parsed.positional.isEmpty()) {
      out.println("usage: concurrent-get http://127.0.0.1:PORT/A http://127.0.0.1:PORT/B ...");
      return 2;
    }
    List<String> urls = new ArrayList<>();
    for (String url : parsed.positional) {
      urls.add(Args.loopbackUrl(url));
    }
    int failures = Futures.blockOn(ConcurrentGetAsync.fetchAll(urls, out));
    return failures == 0 ? 0 : 1;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) {
    return run(
        List.of(
            env.http().url("/slow?ms=600"),
            env.http().url("/hello"),
            env.http().url("/slow?ms=300"),
            env.http().url("/chunked?n=50")),
        out);
  }
}
