/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks

import kotlin.coroutines.Continuation
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlin.coroutines.resume
import kotlin.coroutines.startCoroutine
import org.openjdk.jmh.infra.Blackhole

/**
 * The Kotlin peers of AwaitBenchmark: suspend functions awaiting a value that is there at once (a
 * suspend call that returns without suspending) or one that suspends and is resumed, driven on
 * the calling thread by [Trampoline], no dispatcher, as the asyncfn side's machines are polled
 * directly. The values come from three [Source] classes in rotation, so the call site is
 * megamorphic on both sides.
 */
object KotlinAwait {
  /** Something a suspend function awaits. */
  interface Source {
    suspend fun get(): Int
  }

  private class ReadyA(private val value: Int) : Source {
    override suspend fun get(): Int = value
  }

  private class ReadyB(private val value: Int) : Source {
    override suspend fun get(): Int = value
  }

  private class ReadyC(private val value: Int) : Source {
    override suspend fun get(): Int = value
  }

  /** Suspends, handing its continuation to the trampoline, which resumes it with the value. */
  private abstract class Pending(private val value: Int, private val t: Trampoline) : Source {
    protected suspend fun park(): Int = suspendCoroutineUninterceptedOrReturn { c ->
      t.park(c, value)
      COROUTINE_SUSPENDED
    }
  }

  private class PendingA(value: Int, t: Trampoline) : Pending(value, t) {
    override suspend fun get(): Int = park()
  }

  private class PendingB(value: Int, t: Trampoline) : Pending(value, t) {
    override suspend fun get(): Int = park()
  }

  private class PendingC(value: Int, t: Trampoline) : Pending(value, t) {
    override suspend fun get(): Int = park()
  }

  /** Sources that never suspend, one per value, in `classes` classes (1 to 3) in rotation. */
  @JvmStatic
  fun ready(values: IntArray, classes: Int): Array<Source> =
    Array(values.size) {
      when (it % classes) {
        0 -> ReadyA(values[it])
        1 -> ReadyB(values[it])
        else -> ReadyC(values[it])
      }
    }

  /** Sources that suspend at every get, resumed by `t`, in three classes in rotation. */
  @JvmStatic
  fun pending(values: IntArray, t: Trampoline): Array<Source> =
    Array(values.size) {
      when (it % 3) {
        0 -> PendingA(values[it], t)
        1 -> PendingB(values[it], t)
        else -> PendingC(values[it], t)
      }
    }

  /** The peer of `Work.awaitEach`: awaits `sources[0..n)` in turn, consuming each value. */
  @JvmStatic
  suspend fun awaitEach(sources: Array<Source>, n: Int, bh: Blackhole): Long {
    var sum = 0L
    for (i in 0 until n) {
      val v = sources[i].get()
      bh.consume(v)
      sum += v
    }
    return sum
  }

  /** The peer of `Work.nested`: `depth` nested suspend calls over `leaf`. */
  @JvmStatic
  suspend fun nested(leaf: Source, depth: Int): Int =
    if (depth == 0) leaf.get() else nested(leaf, depth - 1) + 1

  /**
   * Runs a suspend function to completion on the calling thread: starts it, and while it is
   * suspended on a [Pending] source, resumes it with the source's value (the wake and re-poll of
   * the asyncfn side's driver).
   */
  class Trampoline : Continuation<Long> {
    override val context: CoroutineContext = EmptyCoroutineContext
    private var parked: Continuation<Int>? = null
    private var parkedValue = 0
    private var done = false
    private var result = 0L

    internal fun park(c: Continuation<Int>, value: Int) {
      parked = c
      parkedValue = value
    }

    override fun resumeWith(result: Result<Long>) {
      this.result = result.getOrThrow()
      done = true
    }

    fun run(block: suspend () -> Long): Long {
      done = false
      block.startCoroutine(this)
      while (!done) {
        val c = parked ?: error("suspended without a wake: the driver would hang")
        parked = null
        c.resume(parkedValue)
      }
      return result
    }

    /** [run] for Java callers: the block as a plain function of its continuation. */
    fun awaitEach(sources: Array<Source>, n: Int, bh: Blackhole): Long = run {
      KotlinAwait.awaitEach(sources, n, bh)
    }

    /** Runs `chains` chains of `depth + 1` nested calls, one per leaf, consuming each result. */
    fun nestedChains(leaves: Array<Source>, chains: Int, depth: Int, bh: Blackhole): Long = run {
      var sum = 0L
      for (i in 0 until chains) {
        val v = KotlinAwait.nested(leaves[i], depth)
        bh.consume(v)
        sum += v
      }
      sum
    }
  }
}
