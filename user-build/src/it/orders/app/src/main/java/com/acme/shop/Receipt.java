/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

import com.acme.base.Money;

/** What placing an order gives back. */
public record Receipt(long orderId, Money total, String note) {}
