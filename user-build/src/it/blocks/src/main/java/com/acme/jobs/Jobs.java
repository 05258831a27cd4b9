/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.jobs;

import static dev.asyncfn.runtime.Futures.async;
import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.runtime.Futures.awaitEach;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.combinator.Selected2;
import dev.asyncfn.runtime.stream.AsyncStream;
import dev.asyncfn.runtime.stream.Streams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Code written the way the async books write it with async blocks, each method beside the Rust it
 * follows (its outcome is what the tests expect). The private log is the trace the tests compare.
 */
public final class Jobs {
  // spawned tasks may log from a runtime's worker threads
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private int runs; // only blocks awaited by the method's own task touch it

  private Future<Integer> work(String what, int value) {
    return Futures.map(
        Tasks.yieldNow(),
        ignored -> {
          log.add(what);
          return value;
        });
  }

  /**
   * {@code let f = async { log("ran"); 1 }; log("made"); f.await} logs "made" before "ran": a
   * block is lazy.
   */
  @Async
  public int lazy() {
    Future<Integer> f =
        async(
            () -> {
              log.add("block ran");
              return await(work("block worked", 1));
            });
    log.add("block made");
    return await(f) + 1;
  }

  /**
   * {@code for id in ids { handles.push(tokio::spawn(async move { ... })) }}, then each handle
   * awaited in order: the results come back in the order of the ids, whatever order the tasks ran
   * in.
   */
  @Async
  public List<String> fanOut(List<String> ids) {
    List<JoinHandle<String>> handles = new ArrayList<>();
    for (String id : ids) {
      handles.add(Tasks.spawn(async(() -> id + "=" + await(work("ran " + id, id.length())))));
    }
    List<String> out = new ArrayList<>();
    for (JoinHandle<String> h : handles) {
      out.add(await(h));
    }
    return out;
  }

  /** An async closure, {@code |n| async move { ... }}, over each element, joined. */
  @Async
  public int closures(List<Integer> xs) {
    Function<Integer, Future<Integer>> square =
        n ->
            async(
                () -> {
                  runs++;
                  return await(work("square " + n, n * n));
                });
    List<Future<Integer>> all = new ArrayList<>();
    for (int x : xs) {
      all.add(square.apply(x));
    }
    int sum = 0;
    for (int v : await(Futures.joinAll(all))) {
      sum += v;
    }
    return sum * 100 + runs;
  }

  /**
   * {@code select! { _ = slow => ..., _ = fast => ... }}: the losing block is dropped, and its
   * guard's drop (here, the finally block) runs before select returns.
   */
  @Async
  public String dropTheLoser() {
    Future<String> slow =
        async(
            () -> {
              try {
                await(Futures.pending());
                return "slow";
              } finally {
                log.add("slow dropped");
              }
            });
    Future<String> fast = async(() -> "fast " + await(work("fast worked", 1)));
    Selected2<String, String> s = await(Futures.select(slow, fast));
    log.add("selected");
    return s.isSecond() ? s.second() : s.first();
  }

  /** {@code async { let x = read()?; Ok(x) }}: the block's error is the awaiting code's. */
  @Async
  public String checkedFailure(boolean fail) {
    ThrowingFuture<String, IOException> read =
        async(
            () -> {
              if (await(work("read", fail ? 1 : 0)) == 1) {
                throw new IOException("disk gone");
              }
              return "data";
            });
    try {
      return await(read);
    } catch (IOException e) {
      return "failed: " + e.getMessage();
    }
  }

  /**
   * {@code stream! { for i in 1..=n { yield i * i } }}, consumed by {@code while let Some(x) =
   * s.next().await} with an early break: the generator stops (its finally runs) when dropped.
   */
  @Async
  public List<Integer> squaresUntil(int n, int limit) {
    AsyncStream<Integer> squares =
        Streams.generate(
            out ->
                async(
                    () -> {
                      try {
                        for (int i = 1; i <= n; i++) {
                          log.add("yield " + i);
                          await(out.emit(i * i));
                        }
                      } finally {
                        log.add("generator finally");
                      }
                    }));
    List<Integer> got = new ArrayList<>();
    for (int sq : awaitEach(squares)) {
      if (sq > limit) {
        break;
      }
      got.add(sq);
    }
    log.add("consumer done");
    return got;
  }

  public List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }
}
