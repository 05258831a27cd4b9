/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Test fixtures for asyncfn. */
package dev.asyncfn.testing;
