/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks

import kotlinx.coroutines.flow.asFlow
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.runBlocking

/**
 * The Kotlin peers of `StreamBenchmark`: the same map/filter chain over `n` boxed ints, collected
 * into a sum inside `runBlocking` (one per call, amortised over the `n` elements, as asyncfn's
 * side creates its stream per call). `asFlow` is the ready source; `flow { emit(i) }` the
 * generator, the peer of an asyncfn generator.
 */
object KotlinFlows {
  /** `(0 until n).asFlow().map { it * 2 }.filter { it % 3 != 0 }`, summed. */
  @JvmStatic
  fun mapFilter(n: Int): Long = runBlocking {
    var sum = 0L
    (0 until n).asFlow().map { it * 2 }.filter { it % 3 != 0 }.collect { sum += it }
    sum
  }

  /** `flow { for (i in 0 until n) emit(i) }` through the same chain, summed. */
  @JvmStatic
  fun generator(n: Int): Long = runBlocking {
    var sum = 0L
    flow { for (i in 0 until n) emit(i) }
      .map { it * 2 }
      .filter { it % 3 != 0 }
      .collect { sum += it }
    sum
  }
}
