/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.strings;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** switch on strings with equal hash codes, and on chars, with awaits. */
public class StringSwitch {

  @Async
  static String collidingHashes(String s) {
    switch (await(later(s))) {
      case "Aa":
        return "Aa " + await(later(1));
      case "BB":
        return "BB " + await(later(2));
      default:
        return "other";
    }
  }

  @Async
  static int onChar(char c) {
    return switch (c) {
      case 'a' -> await(later(1));
      case 'b', 'c' -> await(later(2)) * 10;
      default -> 0;
    };
  }
}
