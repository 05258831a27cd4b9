/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Join3;
import dev.asyncfn.samples.http.HttpAsync;
import dev.asyncfn.samples.http.Response;
import java.io.PrintStream;
import java.util.List;

/** Three downloads joined ({@code join!}): all run at once, and the three results come together. */
final class JoinDownloads implements Sample {
  @Override
  public String name() {
    return "join-downloads";
  }

  @Override
  public String summary() {
    return "URL URL URL: three downloads joined, results destructured";
  }

  @Async
  static String downloadAll(String a, String b, String c) {
    long start = System.nanoTime();
    Join3<Response, Response, Response> all =
        await(Futures.join(HttpAsync.get(a), HttpAsync.get(b), HttpAsync.get(c)));
    Response first = all.first();
    Response second = all.second();
    Response third = all.third();
    return String.format(
        "first: %s, %d bytes%nsecond: %s, %d bytes%nthird: %s, %d bytes%nall three in %d ms",
        first.statusLine(),
        first.body().length,
        second.statusLine(),
        second.body().length,
        third.statusLine(),
        third.body().length,
        (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    Args parsed = Args.parse(args);
    if (parsed.positional.size() != 3) {
      out.println("usage: join-downloads URL URL URL   (http://127.0.0.1:PORT/...)");
      return 2;
    }
    List<String> urls = parsed.positional;
    out.println(
        Futures.blockOn(
            JoinDownloadsAsync.downloadAll(
                Args.loopbackUrl(urls.get(0)),
                Args.loopbackUrl(urls.get(1)),
                Args.loopbackUrl(urls.get(2)))));
    return 0;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) {
    return run(
        List.of(
            env.http().url("/slow?ms=400"),
            env.http().url("/bytes?n=100000"),
            env.http().url("/chunked?n=1000")),
        out);
  }
}
