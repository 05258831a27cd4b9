/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.pay;

/** What can be paid with: a sealed hierarchy of records. */
public sealed interface Payment permits Payment.Card, Payment.Transfer, Payment.Voucher, Payment.Split {
  record Card(String number, long cents) implements Payment {}

  record Account(String iban, String owner) {}

  record Transfer(Account from, Account to, long cents) implements Payment {}

  record Voucher(String code) implements Payment {}

  record Split(Payment first, Payment second) implements Payment {}
}
