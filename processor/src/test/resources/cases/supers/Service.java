/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.supers;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;

import cases.basepkg.Base;
import dev.asyncfn.Async;

/** Protected members of a superclass in another package, and super calls, in @Async bodies. */
public class Service extends Base {
  @Override
  public String greet() {
    return "hello from service";
  }

  @Override
  protected String prefix() {
    return "service";
  }

  @Async
  String usesInherited() {
    count++;
    count += await(later(10));
    shared = "s";
    shared = shared + "!";
    return prefix() + " " + count + " " + shared + " " + util(await(later(3)));
  }

  @Async
  String callsSuper() {
    return super.greet() + " / " + await(later(greet())) + " / " + super.prefix();
  }
}
