/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.testing.TestFutures;

/**
 * The {@code later} that the golden input {@code shop/Orders.java} imports, compiled with it.
 *
 * <p>The processor copies the input's imports into the generated files, so the goldens carry
 * {@code import static dev.asyncfn.processor.Later.later;}: this name stays so that they stay
 * byte-identical. The goldens are only read, never run.
 */
public final class Later {
  private Later() {}

  /** See {@link TestFutures#later}. */
  public static <T> Future<T> later(T value) {
    return TestFutures.later(value);
  }
}
