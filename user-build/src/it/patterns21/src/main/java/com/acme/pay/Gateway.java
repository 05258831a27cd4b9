/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.pay;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A payment gateway, faked: every answer takes one suspension, and each call is traced. */
public final class Gateway {
  private final List<String> calls = new ArrayList<>();
  private final Set<String> blocked;

  public Gateway(String... blocked) {
    this.blocked = Set.of(blocked);
  }

  public Future<Boolean> approve(String card) {
    return later("approve " + card, !blocked.contains(card));
  }

  public Future<String> charge(String card, long cents) {
    return later("charge " + card + " " + cents, "ch-" + card.substring(card.length() - 2) + "-" + cents);
  }

  public CompletableFuture<Boolean> suspicious(String owner) {
    calls.add("suspicious " + owner);
    return CompletableFuture.supplyAsync(() -> blocked.contains(owner));
  }

  public Future<Integer> redeem(String code) {
    return later("redeem " + code, code.length() * 100);
  }

  private <T> Future<T> later(String call, T value) {
    return Futures.map(Tasks.yieldNow(), ignored -> {
      calls.add(call);
      return value;
    });
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }
}
