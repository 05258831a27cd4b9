/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks

import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicInteger
import java.util.function.IntToLongFunction
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.nanoseconds
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.DelicateCoroutinesApi
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.GlobalScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

/**
 * The Kotlin coroutine peers of the asyncfn figures. The Java figure classes do the measuring
 * (clocks, heap, allocation counters) around these calls, exactly as for the other subjects, so
 * this file only starts, parks and wakes coroutines.
 *
 * Two workers like the asyncfn runtimes: `Dispatchers.Default` limited to 2 threads (Default's
 * work-stealing scheduler, the dispatcher a Kotlin user picks for CPU work). Coroutines that stay
 * parked are launched in [GlobalScope] so that no parent job keeps a child node per coroutine:
 * asyncfn tasks have no parent either, and the retained figure should be the coroutine's own cost.
 */
@OptIn(DelicateCoroutinesApi::class)
object KotlinCoroutines {
  private val twoThreads: CoroutineDispatcher = Dispatchers.Default.limitedParallelism(2)

  /** Starts the dispatcher's threads, so they are not counted in a baseline taken afterwards. */
  @JvmStatic
  fun warmUp() {
    runBlocking(twoThreads) { launch {}.join() }
  }

  /**
   * Launches `n` empty coroutines from a coroutine on the dispatcher (as a server's accept loop
   * would) and joins each; returns how many were joined.
   */
  @JvmStatic
  fun spawnJoin(n: Int): Long =
    runBlocking(twoThreads) {
      val jobs = arrayOfNulls<Job>(n)
      for (i in 0 until n) {
        jobs[i] = launch {}
      }
      var joined = 0L
      for (job in jobs) {
        job!!.join()
        joined++
      }
      joined
    }

  /**
   * `n` coroutines, each counting itself as started and then suspending until cancelled: in
   * `receive()` of one shared channel that stays open and empty, or in a one-hour `delay`. The
   * job array and the channel are allocated by the constructor, before a heap baseline.
   */
  class Parked(n: Int) {
    private val jobs = arrayOfNulls<Job>(n)
    private val channel = Channel<Int>(Channel.RENDEZVOUS)

    /** Launches the coroutines from a coroutine on the dispatcher; returns once all are launched. */
    fun start(onChannel: Boolean, started: AtomicInteger) {
      runBlocking(twoThreads) {
        for (i in jobs.indices) {
          jobs[i] =
            GlobalScope.launch(twoThreads) {
              started.incrementAndGet()
              if (onChannel) channel.receive() else delay(1.hours)
            }
        }
      }
    }

    /**
     * Cancels every coroutine and waits until they have all finished: all cancelled first, then
     * joined (a cancelAndJoin per job waits for each one's completion in turn: minutes for 10^6).
     */
    fun cancel() {
      for (job in jobs) {
        job?.cancel()
      }
      runBlocking {
        for (job in jobs) {
          job?.join()
        }
      }
    }
  }

  /** `n` coroutines that count themselves as started, await one event, then count down `done`. */
  class Waiters(private val n: Int) {
    private val event = CompletableDeferred<Unit>()

    /** Launches the waiters from a coroutine on the dispatcher; returns once all are launched. */
    fun start(started: AtomicInteger, done: CountDownLatch) {
      runBlocking(twoThreads) {
        for (i in 0 until n) {
          GlobalScope.launch(twoThreads) {
            started.incrementAndGet()
            event.await()
            done.countDown()
          }
        }
      }
    }

    /** Completes the event; the waiters resume on the dispatcher. */
    fun fire() {
      event.complete(Unit)
    }
  }

  /**
   * Launches `n` coroutines from a coroutine on the dispatcher, coroutine `i` sleeping
   * `nanos(i)` with `delay` and recording how late it woke, in nanoseconds, in `lateness[i]`.
   */
  @JvmStatic
  fun timers(n: Int, nanos: IntToLongFunction, lateness: LongArray, done: CountDownLatch) {
    runBlocking(twoThreads) {
      for (i in 0 until n) {
        GlobalScope.launch(twoThreads) {
          val wait = nanos.applyAsLong(i)
          val start = System.nanoTime()
          delay(wait.nanoseconds)
          lateness[i] = System.nanoTime() - start - wait
          done.countDown()
        }
      }
    }
  }

  /**
   * Two coroutines on the calling thread (runBlocking's event loop) pass a number back and forth
   * `rounds` times over two channels of capacity 1, the capacity of the asyncfn side's
   * `Mpsc.channel(1)`; returns the sum of the balls that came back.
   */
  @JvmStatic
  fun pingPong(rounds: Int): Long = runBlocking {
    val there = Channel<Int>(1)
    val back = Channel<Int>(1)
    val pong = launch {
      repeat(rounds) { back.send(there.receive() + 1) }
    }
    var sum = 0L
    for (i in 0 until rounds) {
      there.send(i)
      sum += back.receive()
    }
    pong.join()
    sum
  }
}
