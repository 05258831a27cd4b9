/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code @Async} annotation: what marks a method as an async function. Needed at compile time
 * only ({@code requires static}): the annotation is not retained at run time.
 */
module dev.asyncfn.annotations {
  exports dev.asyncfn;
}
