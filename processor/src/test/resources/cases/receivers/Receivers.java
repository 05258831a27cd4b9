/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.receivers;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import dev.asyncfn.Async;

/** Receivers read before an awaiting argument reassigns them (JLS 15.12.4.1), on instances. */
public class Receivers {
  StringBuilder sb = new StringBuilder();
  final StringBuilder[] slots = {new StringBuilder()};

  String swapField() {
    sb = new StringBuilder("B");
    return "x";
  }

  String swapSlot() {
    slots[0] = new StringBuilder("D");
    return "y";
  }

  @Async
  String implicitThisFieldReceiver() {
    sb = new StringBuilder("A");
    StringBuilder a = sb;
    sb.append(await(later(swapField())));
    return a + "|" + sb;
  }

  @Async
  String explicitThisFieldReceiver() {
    this.sb = new StringBuilder("A");
    StringBuilder a = this.sb;
    this.sb.append(await(later(swapField())));
    return a + "|" + this.sb;
  }

  @Async
  String arrayElementReceiver() {
    slots[0] = new StringBuilder("C");
    StringBuilder c = slots[0];
    slots[0].append(await(later(swapSlot())));
    return c + "|" + slots[0];
  }

  @Async
  int postIncrementAssignedBack() {
    int x = 5;
    x = x++ + await(later(x));
    return x;
  }
}
