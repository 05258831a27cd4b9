/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * What the processor's stages hand on: the {@code @Async} method and its generated names ({@link
 * dev.asyncfn.processor.model.AsyncMethod}), the lowered machine ({@link
 * dev.asyncfn.processor.model.MachineModel}), the names it declares, the runtime types it uses, and
 * the protocol by which finally blocks complete ({@link
 * dev.asyncfn.processor.model.CompletionProtocol}).
 */
package dev.asyncfn.processor.model;
