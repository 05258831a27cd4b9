/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.acme.shop;

/** One line of an order. */
public record Line(String sku, int quantity) {}
