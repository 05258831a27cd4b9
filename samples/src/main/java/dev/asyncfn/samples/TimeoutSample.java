/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Selected2;
import dev.asyncfn.runtime.time.Time;
import dev.asyncfn.samples.http.HttpAsync;
import dev.asyncfn.samples.http.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * A request raced against a timer with select: whichever finishes first wins, and the loser is
 * dropped (a dropped request closes its connection).
 */
final class TimeoutSample implements Sample {
  @Override
  public String name() {
    return "timeout";
  }

  @Override
  public String summary() {
    return "URL --ms N: a request raced against a timer with select";
  }

  @Async
  static String getWithin(String url, long millis) throws IOException {
    Selected2<Response, Void> winner =
        await(Futures.select(HttpAsync.get(url), Time.sleep(Duration.ofMillis(millis))));
    if (winner.isFirst()) {
      Response response = winner.first();
      return response.statusLine() + ", " + response.body().length + " bytes";
    }
    return "Request timed out!";
  }

  @Override
  public int run(List<String> args, PrintStream out) throws IOException {
    Args parsed = Args.parse(args);
    if (parsed.positional.size() != 1) {
      out.println("usage: timeout http://127.0.0.1:PORT/PATH [--ms N]   (default 1000 ms)");
      return 2;
    }
    String url = Args.loopbackUrl(parsed.positional.get(0));
    int millis = parsed.intOption("ms", 1000);
    out.println(Futures.blockOn(TimeoutSampleAsync.getWithin(url, millis)));
    return 0;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) throws IOException {
    out.println("a 100 ms request with 1000 ms to spare:");
    int code = run(List.of(env.http().url("/slow?ms=100"), "--ms", "1000"), out);
    out.println("a 2000 ms request with 300 ms to spare:");
    return code != 0 ? code : run(List.of(env.http().url("/slow?ms=2000"), "--ms", "300"), out);
  }
}
