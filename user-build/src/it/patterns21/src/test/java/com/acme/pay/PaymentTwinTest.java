/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.pay;

import com.acme.pay.Payment.Account;
import com.acme.pay.Payment.Card;
import com.acme.pay.Payment.Split;
import com.acme.pay.Payment.Transfer;
import com.acme.pay.Payment.Voucher;
import dev.asyncfn.userbuild.Twins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pattern-switch method against its synchronous twin, over every branch. */
class PaymentTwinTest {
  static final Account ANN = new Account("DE01", "ann");
  static final Account BOB = new Account("DE02", "bob");

  static PaymentService service() {
    return new PaymentService(new Gateway("4111-00", "bob"));
  }

  static final List<Payment> PAYMENTS = List.of(
      new Card("4242-42", 500),
      new Card("4242-43", 50_000),
      new Card("4111-00", 50_000),
      new Transfer(ANN, BOB, 700),
      new Transfer(BOB, ANN, 800),
      new Voucher(""),
      new Voucher("SPRING"),
      new Split(new Card("4242-42", 1), new Card("4111-00", 20_000)),
      new Split(new Voucher("A"), new Transfer(ANN, BOB, 3)));

  static final List<Object> OBJECTS = new ArrayList<>(Arrays.asList(
      null, 7, 101, "abc", "abcd", new Split(new Voucher("x"), new Voucher("x")),
      new Split(new Voucher("x"), new Voucher("y")), new Card("4242-42", 20_000), 2.5));

  @Test
  void settleEveryKindOfPayment() {
    List<Payment> all = new ArrayList<>(PAYMENTS);
    all.add(null);
    for (Payment p : all) {
      Twins.check("settle " + p, PaymentTwinTest::service, s -> s.settle(p),
          s -> PaymentServiceAsync.settle(s, p), PaymentService::trace);
    }
  }

  @Test
  void settleResults() {
    Twins.check("settle card", PaymentTwinTest::service, s -> s.settle(PAYMENTS.get(0)),
            s -> PaymentServiceAsync.settle(s, PAYMENTS.get(0)), PaymentService::trace)
        .assertReturned("card ch-42-500");
    Twins.check("settle declined", PaymentTwinTest::service, s -> s.settle(PAYMENTS.get(2)),
            s -> PaymentServiceAsync.settle(s, PAYMENTS.get(2)), PaymentService::trace)
        .assertReturned("declined");
    Twins.check("settle held", PaymentTwinTest::service, s -> s.settle(PAYMENTS.get(4)),
            s -> PaymentServiceAsync.settle(s, PAYMENTS.get(4)), PaymentService::trace)
        .assertReturned("held 800");
  }

  @Test
  void feesOverAStatementSwitchWithFallThrough() {
    Twins.check("fees", PaymentTwinTest::service, s -> s.fees(PAYMENTS),
            s -> PaymentServiceAsync.fees(s, PAYMENTS), PaymentService::trace)
        .assertReturned(5L + 500 + 1 + 1 + 1 + 5 + 11 + 1 + 1);
  }

  @Test
  void classifyObjects() {
    for (Object o : OBJECTS) {
      Twins.check("classify " + o, PaymentTwinTest::service, s -> s.classify(o),
          s -> PaymentServiceAsync.classify(s, o), PaymentService::trace);
    }
  }

  @Test
  void recordPatternsInInstanceof() {
    for (Object o : List.of(new Transfer(BOB, ANN, 5), new Transfer(ANN, BOB, 5), "x")) {
      Twins.check("instanceof " + o, PaymentTwinTest::service, s -> s.instanceofPatterns(o),
          s -> PaymentServiceAsync.instanceofPatterns(s, o), PaymentService::trace);
    }
  }
}
