/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * An inventory service as a named module. It does not read java.compiler: the generated classes
 * must not need it (their @Generated is left out where it is not visible).
 */
module com.acme.inventory {
  // transitive: the exported API (the companion's factories) returns the runtime's Future
  requires transitive dev.asyncfn.runtime;
  // @Async is read by the processor at compile time only; transitive since it is @Documented,
  // so part of the exported API under -Xlint:exports
  requires static transitive dev.asyncfn.annotations;

  exports com.acme.inventory;
}
