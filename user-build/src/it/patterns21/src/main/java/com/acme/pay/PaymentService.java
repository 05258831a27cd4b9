/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.pay;

import static dev.asyncfn.runtime.Futures.await;

import com.acme.pay.Payment.Account;
import com.acme.pay.Payment.Card;
import com.acme.pay.Payment.Split;
import com.acme.pay.Payment.Transfer;
import com.acme.pay.Payment.Voucher;
import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.List;

/**
 * JDK 21 code around awaits: pattern switches (expressions and statements, rules and groups) with
 * awaits in case bodies and in {@code when} guards, nested record patterns with {@code var},
 * {@code case null}, exhaustive switches over a sealed interface, private members in guards.
 */
public final class PaymentService {
  private static final long LIMIT = 10_000;

  private final Gateway gateway;
  private final List<String> ledger = new ArrayList<>();
  private int guards;

  public PaymentService(Gateway gateway) {
    this.gateway = gateway;
  }

  private boolean large(long cents) {
    guards++;
    ledger.add("guard large " + cents);
    return cents > LIMIT;
  }

  @Async
  public String settle(Payment payment) {
    return switch (payment) {
      case null -> "nothing to settle";
      case Card c when large(c.cents()) && !await(gateway.approve(c.number())) -> {
        ledger.add("declined " + c.number());
        yield "declined";
      }
      case Card c -> "card " + await(gateway.charge(c.number(), c.cents()));
      case Transfer(Account(var iban, var owner), Account to, long cents)
          when await(gateway.suspicious(owner)) -> {
        ledger.add("held " + iban + " -> " + to.iban());
        yield "held " + cents;
      }
      case Transfer(Account from, Account(String iban, var owner), long cents) ->
          "sent " + cents + " from " + from.owner() + " to " + owner + " (" + iban + ")";
      case Voucher(var code) when code.isEmpty() -> "empty voucher";
      case Voucher(var code) -> "voucher " + await(gateway.redeem(code));
      case Split(Card a, Card b) ->
          await(PaymentServiceAsync.settle(this, a)) + " + " + await(PaymentServiceAsync.settle(this, b));
      case Split(var first, var second) -> {
        String one = await(PaymentServiceAsync.settle(this, first));
        yield "split[" + one + " | " + await(PaymentServiceAsync.settle(this, second)) + "]";
      }
    };
  }

  @Async
  @SuppressWarnings("fallthrough") // a declined card falls through into the flat fee
  public long fees(List<Payment> payments) {
    long total = 0;
    for (Payment p : payments) {
      switch (p) {
        case Voucher v:
          total += 5 + v.code().length();
          break;
        case Transfer t when t.cents() > LIMIT:
          total += await(gateway.redeem("big")) / 10;
          break;
        case Card c:
          if (await(gateway.approve(c.number()))) {
            total += c.cents() / 100;
            break;
          }
          // a declined card pays the flat fee, like every other payment
        default:
          total += 1;
      }
    }
    ledger.add("fees " + total);
    return total;
  }

  @Async
  public String classify(Object o) {
    String out;
    switch (o) {
      case null -> out = "null";
      case Integer i when i > 100 && await(gateway.approve("int" + i)) -> out = "big int";
      case Integer i -> out = "int " + (i + await(gateway.redeem("i")));
      case String s when s.length() > 3 -> {
        String charged = await(gateway.charge(s, s.length()));
        out = "long string " + charged;
      }
      case Split(Voucher(var a), Voucher(var b)) when a.equals(b) -> out = "double voucher " + a;
      case Payment p -> out = "payment " + await(PaymentServiceAsync.settle(this, p));
      default -> out = "other " + o;
    }
    return out + " after " + guards + " guards";
  }

  @Async
  public int instanceofPatterns(Object o) {
    if (o instanceof Transfer(Account(var iban, var owner), var to, var cents) && await(gateway.suspicious(owner))) {
      return -1;
    } else if (o instanceof Transfer t && t.cents() > 0) {
      return (int) (t.cents() + await(gateway.redeem(t.to().owner())));
    }
    return 0;
  }

  public List<String> trace() {
    List<String> out = new ArrayList<>(ledger);
    out.add("guards=" + guards);
    out.addAll(gateway.calls());
    return out;
  }
}
