/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

import static dev.asyncfn.runtime.Futures.await;
import static weird.Remote.later;

import dev.asyncfn.Async;

/** Unicode identifiers, and an await written with a unicode escape. */
public class Unicode {
  private int zähler;

  @Async
  static String größe(String straße, int π) {
    int 数 = await(later(π * 2));
    String ñ = straße + "·" + 数;
    int ok = \u0061wait(later(数 + 1));
    return ñ + "·" + ok + "·" + "\u00e9t\u00e9";
  }

  @Async
  int zählen(int schritte) {
    for (int ι = 0; ι < schritte; ι++) {
      zähler += await(later(ι));
    }
    return zähler;
  }
}
