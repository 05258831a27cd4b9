package com.acme.shop;

/** One line of an order. */
public record Line(String sku, int quantity) {}
