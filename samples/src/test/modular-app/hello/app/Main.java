/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package hello.app;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.time.Time;
import java.time.Duration;

/** Greets from a spawned task, on a runtime the application owns. */
public class Main {
  @Async
  static String greet(String name) {
    await(Time.sleep(Duration.ofMillis(10)));
    return "Hello, " + name;
  }

  @Async
  static String greetBoth() {
    JoinHandle<String> first = Tasks.spawn(MainAsync.greet("modules"));
    String second = await(MainAsync.greet("module path"));
    return await(first) + " / " + second;
  }

  public static void main(String[] args) {
    try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().build()) {
      System.out.println(runtime.blockOn(MainAsync.greetBoth()));
    }
    System.out.println("Futures.blockOn: " + Futures.blockOn(MainAsync.greet("again")));
    Module asyncfn = AsyncRuntime.class.getModule();
    System.out.println("runtime module: " + asyncfn.getName());
    System.out.println(
        "internal exported: " + asyncfn.isExported("dev.asyncfn.runtime.internal.task"));
  }
}
