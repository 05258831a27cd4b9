/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop.legacy;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import javax.naming.Context;

/**
 * Imports that clash with the runtime's names: {@code Future} is the JDK's and {@code Context} is
 * JNDI's here. The generated code must still compile.
 */
public class Directory {
  private final List<Future<String>> submitted = new ArrayList<>();
  private final Hashtable<String, Object> env = new Hashtable<>();

  @Async
  public String configure(String url, Future<String> pending) {
    env.put(Context.PROVIDER_URL, url);
    submitted.add(pending);
    String resolved = await(CompletableFuture.supplyAsync(() -> url.toUpperCase(java.util.Locale.ROOT)));
    env.put(Context.SECURITY_PRINCIPAL, resolved);
    Future<String> done = CompletableFuture.completedFuture(resolved);
    submitted.add(done);
    return resolved + " " + env.size() + " " + submitted.size() + " " + done.isDone();
  }

  public String state() {
    return env.toString();
  }
}
