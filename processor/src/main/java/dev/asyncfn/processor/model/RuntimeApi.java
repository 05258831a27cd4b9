/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.model;

import com.palantir.javapoet.ClassName;

/** The runtime types that generated code names; written as {@code $T} so that they are imported. */
public final class RuntimeApi {
  private RuntimeApi() {}

  public static final ClassName FUTURE = ClassName.get("dev.asyncfn.runtime", "Future");
  public static final ClassName THROWING_FUTURE =
      ClassName.get("dev.asyncfn.runtime", "ThrowingFuture");
  public static final ClassName THROWING_FUTURE_2 =
      ClassName.get("dev.asyncfn.runtime", "ThrowingFuture2");
  public static final ClassName THROWING_FUTURE_3 =
      ClassName.get("dev.asyncfn.runtime", "ThrowingFuture3");
  public static final ClassName POLL = ClassName.get("dev.asyncfn.runtime", "Poll");
  public static final ClassName CONTEXT = ClassName.get("dev.asyncfn.runtime", "Context");
  public static final ClassName WITNESS = ClassName.get("dev.asyncfn.runtime.support", "Witness");
  public static final ClassName ACCESS = ClassName.get("dev.asyncfn.runtime.support", "Access");
  public static final ClassName MACHINES = ClassName.get("dev.asyncfn.runtime.support", "Machines");
  public static final ClassName SOURCE_MAP =
      ClassName.get("dev.asyncfn.runtime.support", "SourceMap");
  public static final ClassName MACHINE_FRAME =
      ClassName.get("dev.asyncfn.runtime.support", "MachineFrame");
  /** The type of the field holding the stream of a {@code for (x : awaitEach(s))} loop. */
  public static final String ASYNC_STREAM_TYPE = "dev.asyncfn.runtime.stream.AsyncStream<?>";
  public static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
}
