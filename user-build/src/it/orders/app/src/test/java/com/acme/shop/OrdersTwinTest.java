/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import com.acme.base.Money;
import com.acme.shop.legacy.Directory;
import com.acme.shop.legacy.DirectoryAsync;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.userbuild.Twins;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Every @Async method of the orders app, against its synchronous twin. */
class OrdersTwinTest {
  static OrderService service() {
    return new OrderService(new OrderRepository(),
        new Inventory().with("apple", 5).with("pear", 2).with("plum", 9));
  }

  static final List<Line> BASKET = List.of(new Line("apple", 2), new Line("plum", 3));

  @Test
  void placeUsesPrivateAndProtectedMembersAndSuper() {
    Twins.check("place", OrdersTwinTest::service,
            s -> s.place(" Ann ", BASKET), s -> OrderServiceAsync.place(s, " Ann ", BASKET),
            OrderService::trace)
        .assertReturned(new Receipt(100, new Money(360), "[orders] order 100"));
  }

  @Test
  void placeFailsWithTheCheckedExceptionUnchanged() {
    List<Line> tooMany = List.of(new Line("pear", 3));
    Twins.check("place short", OrdersTwinTest::service,
            s -> s.place("bob", tooMany), s -> OrderServiceAsync.place(s, "bob", tooMany),
            OrderService::trace)
        .assertThrew(IOException.class, "out of stock: pear");
  }

  @Test
  void placeRejectsAnUnknownSkuFromAPrivateHelper() {
    List<Line> unknown = List.of(new Line("kiwi", 0));
    Twins.check("place kiwi", OrdersTwinTest::service,
            s -> s.place("cy", unknown), s -> OrderServiceAsync.place(s, "cy", unknown),
            OrderService::trace)
        .assertThrew(IllegalArgumentException.class, "no price for kiwi");
  }

  @Test
  void severalCheckedExceptionsAreCaughtTogether() {
    Twins.check("placeWithRetry 3", OrdersTwinTest::service,
            s -> s.placeWithRetry("dee", BASKET, 3),
            s -> OrderServiceAsync.placeWithRetry(s, "dee", BASKET, 3), OrderService::trace)
        .assertReturned(new Receipt(100, new Money(360), "[orders] order 100"));
    Twins.check("placeWithRetry 2", OrdersTwinTest::service,
            s -> s.placeWithRetry("dee", BASKET, 2),
            s -> OrderServiceAsync.placeWithRetry(s, "dee", BASKET, 2), OrderService::trace)
        .assertThrew(IllegalStateException.class, "gave up after 2 attempts");
  }

  @Test
  void aCallerCatchesEachDeclaredExceptionOfBlockOn() {
    OrderService s = service();
    String outcome;
    try {
      outcome = Futures.blockOn(OrderServiceAsync.placeWithin(s, "eve", BASKET, 1)).note();
    } catch (IOException e) {
      outcome = "io " + e.getMessage();
    } catch (java.util.concurrent.TimeoutException e) {
      outcome = "timeout " + e.getMessage();
    }
    org.junit.jupiter.api.Assertions.assertEquals("timeout inventory too slow on attempt 1", outcome);
  }

  @Test
  void placeAllRethrowsFromACatchThroughFinally() {
    Map<String, List<Line>> orders = new LinkedHashMap<>();
    orders.put("a", List.of(new Line("apple", 1)));
    orders.put("b", List.of(new Line("pear", 9)));
    orders.put("c", List.of(new Line("plum", 1)));
    orders.put("d", List.of(new Line("plum", 1)));
    orders.put("e", List.of(new Line("plum", 1)));
    Twins.check("placeAll", OrdersTwinTest::service,
            s -> s.placeAll(orders), s -> OrderServiceAsync.placeAll(s, orders), OrderService::trace)
        .assertThrew(IOException.class, "store is full");
    orders.remove("e");
    Twins.check("placeAll fits", OrdersTwinTest::service,
            s -> s.placeAll(orders), s -> OrderServiceAsync.placeAll(s, orders), OrderService::trace)
        .assertReturned(List.of("100:1.20", "placed=1 revenue=1.20", "b failed: out of stock: pear",
            "placed=1 revenue=1.20", "101:0.40", "placed=2 revenue=1.60", "102:0.40",
            "placed=3 revenue=2.00"));
  }

  static OrderRepository repositoryOfTwo() {
    OrderRepository r = new OrderRepository();
    try {
      Futures.blockOn(r.save(new Order(1, "x", List.of(), new Money(1))));
      Futures.blockOn(r.save(new Order(2, "y", List.of(), new Money(1))));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return r;
  }

  @Test
  void repositoryPrivateCounters() {
    Twins.check("countFor", OrdersTwinTest::repositoryOfTwo, r -> r.countFor("x"), r -> OrderRepositoryAsync.countFor(r, "x"), OrderRepository::log)
        .assertReturned(1);
    Twins.check("find miss", OrderRepository::new, r -> r.find(7),
            r -> OrderRepositoryAsync.find(r, 7), OrderRepository::log)
        .assertReturned(Optional.empty());
  }

  @Test
  void recordComponentsInTheRecordsOwnAsyncMethod() {
    Order order = new Order(5, "fay", BASKET, new Money(360));
    Twins.check("summary", () -> new Inventory().with("apple", 1).with("plum", 3),
            order::summary, i -> OrderAsync.summary(order, i), Inventory::calls)
        .assertReturned("fay #5: applex2(short) plumx3 = 3.60");
  }

  @Test
  void aNestUsesPrivateMembersBothWays() {
    Twins.check("checkoutTwice", () -> new Object[] {new Cart().add("apple", 3), service()},
            o -> ((Cart) o[0]).checkoutTwice((OrderService) o[1], "gil"),
            o -> CartAsync.checkoutTwice((Cart) o[0], (OrderService) o[1], "gil"),
            o -> ((Cart) o[0]).state() + " " + ((OrderService) o[1]).trace())
        .assertReturned("apple/3 -> 100 v11 | apple/3 failed v21 | attempts=2 error=out of stock:"
            + " apple v21");
  }

  @Test
  void genericMethodsWithBoundedWildcardsAndSafeVarargs() {
    Twins.check("sorted", () -> null,
            x -> Batch.sorted(Futures.ready("pear"), Futures.ready("apple"), Futures.ready("fig")),
            x -> BatchAsync.sorted(Futures.ready("pear"), Futures.ready("apple"),
                Futures.ready("fig")),
            x -> "")
        .assertReturned(List.of("apple", "fig", "pear"));
    List<String> keys = List.of("a", "bb", "ccc");
    Twins.check("sum", () -> null,
            x -> Batch.sum(keys, k -> Futures.ready(k.length())),
            x -> BatchAsync.sum(keys, k -> Futures.ready(k.length())), x -> "")
        .assertReturned(6.0);
  }

  @Test
  void aGenericClassWithPrivateState() {
    Twins.check("getOrLoad load", Cache<String, Integer>::new,
            c -> c.getOrLoad("k", k -> Futures.ready(k.length() + 40)),
            c -> CacheAsync.getOrLoad(c, "k", k -> Futures.ready(k.length() + 40)), Cache::events)
        .assertReturned(41);
    Twins.check("getOrLoad hit", () -> {
          Cache<String, Integer> c = new Cache<>();
          Futures.blockOn(CacheAsync.getOrLoad(c, "k", k -> Futures.ready(7)));
          return c;
        },
            c -> c.getOrLoad("k", k -> Futures.failed(new AssertionError("loaded twice"))),
            c -> CacheAsync.getOrLoad(c, "k", k -> Futures.failed(new AssertionError("loaded twice"))),
            Cache::events)
        .assertReturned(7);
  }

  @Test
  void anInstanceSafeVarargsMethod() {
    Twins.check("firstOf", Cache<String, String>::new,
            c -> c.firstOf("k", Futures.ready(null), Futures.ready("b"), Futures.ready("c")),
            c -> CacheAsync.firstOf(c, "k", Futures.ready(null), Futures.ready("b"),
                Futures.ready("c")),
            Cache::events)
        .assertReturned("b");
  }

  @Test
  void clashingImportsOfFutureAndContext() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    Twins.check("configure", Directory::new, d -> d.configure("ldap://x", pending),
            d -> DirectoryAsync.configure(d, "ldap://x", pending), Directory::state)
        .assertReturned("LDAP://X 2 2 true");
  }
}
