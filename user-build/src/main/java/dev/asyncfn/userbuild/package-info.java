/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The twin checker of the user-build corpus ({@code user-build/src/it/}): see {@link
 * dev.asyncfn.userbuild.Twins}. Installed into the corpus' private repository only.
 */
package dev.asyncfn.userbuild;
