/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.privates;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Private fields, constants, methods and constructors of the class, used from @Async bodies. */
public class Ledger {
  private int balance;
  private static int created;
  private static final int LIMIT = 100;
  private static final String NAME = "ledger";
  private static final List<String> LOG = new ArrayList<>();
  private final String owner;
  private char grade = 'a';
  private Integer boxed = 5;
  private long total;

  Ledger() {
    this("me");
  }

  private Ledger(String owner) {
    this.owner = owner;
    created++;
  }

  private int fee(int amount) {
    return amount / 10;
  }

  private long fee(long amount) {
    return amount / 100;
  }

  private static String tag(String s) {
    return "[" + s + "]";
  }

  private String describe(boolean fail) throws IOException {
    if (fail) {
      throw new IOException("no description of " + owner);
    }
    return owner + ":" + balance;
  }

  private <T> T first(List<T> xs) {
    return xs.get(0);
  }

  @Async
  int deposit(int amount) {
    balance += await(later(amount));
    balance -= fee(amount);
    total += fee(1000L);
    return balance;
  }

  @Async
  String readsAndWritesEveryKind(int k) {
    String kind =
        switch (k) {
          case LIMIT -> "limit";
          default -> "other";
        };
    LOG.add(tag(NAME));
    int before = created;
    char g = grade++;
    ++boxed;
    this.balance = await(later(7));
    Ledger other = new Ledger("other");
    other.balance = balance * 2;
    return kind + " " + LOG.get(LOG.size() - 1) + " " + (created - before) + " " + g + grade
        + " " + boxed + " " + this.balance + " " + other.balance + " " + other.owner;
  }

  @Async
  String privateMethodThrowingChecked(boolean fail) {
    try {
      return await(later("d=")) + describe(fail);
    } catch (IOException e) {
      return "caught " + e.getMessage();
    }
  }

  @Async
  String genericPrivateMethod() {
    List<String> xs = List.of("a", "b");
    return first(xs) + await(later(first(List.of(1, 2))));
  }

  @Async
  private int privateAsync(int x) {
    return await(later(x)) + balance;
  }

  @Async
  int callsPrivateAsync() {
    balance = 1;
    return await(LedgerAsync.privateAsync(this, 4));
  }

  @Async
  int methodReferenceToPrivate() {
    List<Integer> xs = List.of(100, 200);
    return xs.stream().mapToInt(this::fee).sum() + await(later(1));
  }

  @Async
  int compoundOnAnother() {
    Ledger other = new Ledger("x");
    other.balance = 3;
    other.balance += await(later(2));
    return other.balance;
  }

  @Async
  String lambdaUsingPrivates() {
    Runnable r = () -> balance += fee(50);
    r.run();
    return await(later("b=")) + balance;
  }
}
