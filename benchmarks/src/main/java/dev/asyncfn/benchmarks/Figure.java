/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import java.util.List;
import java.util.function.Function;

/** One section of BENCHMARKS.md: its title, what it measures, and its target checks. */
final class Figure {
  final String id;
  final String title;
  final String what;
  private final Function<Report, List<String>> verdicts;

  private Figure(String id, String title, String what, Function<Report, List<String>> verdicts) {
    this.id = id;
    this.title = title;
    this.what = what;
    this.verdicts = verdicts;
  }

  List<String> verdicts(Report r) {
    return verdicts.apply(r);
  }

  static final List<Figure> ALL =
      List.of(
          new Figure(
              "spawn",
              "1. Spawn throughput",
              "Spawn and join N trivial tasks. asyncfn: a task on a 2-worker multi-thread runtime"
                  + " spawns N tasks (each the same stateless, always-ready future) and awaits"
                  + " every JoinHandle (`Load spawn`). Virtual threads: `Thread.ofVirtual()` start"
                  + " + join from the main thread. Kotlin coroutines: a coroutine on"
                  + " `Dispatchers.Default.limitedParallelism(2)` `launch`es N empty coroutines"
                  + " (children of its scope) and `join`s each (kotlinx-coroutines 1.11.0)."
                  + " ForkJoinPool: `execute` of one shared Runnable"
                  + " on a 2-thread pool, counted down on a latch. Bytes: HotSpot's per-thread"
                  + " allocation counters summed over all platform threads, divided by N (the"
                  + " handle array, 4 B per task, included).",
              r ->
                  List.of(
                      r.check(
                          "spawn",
                          "spawn+join rate",
                          "asyncfn",
                          "virtual threads",
                          2.0,
                          "spawn+join ≥ 2× virtual threads",
                          "Likely cause (from the design, not profiled): spawning from a worker"
                              + " goes to its 256-slot local queue and overflows"
                              + " to the locked global injector; with 1,000,000 spawns in a row"
                              + " most go through the injector."),
                      r.check(
                          "spawn",
                          "spawn+join rate",
                          "asyncfn",
                          "ForkJoinPool.execute",
                          0.5,
                          "spawn+join ≥ 0.5× ForkJoinPool.execute",
                          "This ratio moves more than any other on this shared machine: between"
                              + " 0.19× and 0.81× in runs of one session (the ForkJoinPool's own"
                              + " rate between 2.5 and 11 M/s); compare several runs. Likely cause"
                              + " of the gap (from the design, not profiled): past the worker's"
                              + " 256-slot local queue the spawned tasks go to the global injector,"
                              + " 128 at a time under one lock, where the ForkJoinPool's queues"
                              + " grow without one; and an asyncfn task carries an output and a"
                              + " join handle, and the join is an await per task."),
                      r.check(
                          "spawn",
                          "allocated per task",
                          "asyncfn",
                          null,
                          96,
                          "≤ 96 B allocated per spawned task",
                          "The task cell is 56 B (runtime AllocationTest); the rest is the"
                              + " @Async driver's handle array and queue growth."))),
          new Figure(
              "memory",
              "2. Memory per suspended task",
              "N tasks started and parked; heap in use after GC minus the heap before, divided by N"
                  + " (`Load memory SUBJECT`; the array holding the handles is allocated before the"
                  + " baseline). asyncfn (timer): an @Async method awaiting a one-hour `Time.sleep`"
                  + " (task cell + state machine + Sleep + timer entry). asyncfn (oneshot recv):"
                  + " awaiting a `Oneshot` receive whose sender is kept. Virtual threads:"
                  + " `LockSupport.park()`. CompletableFuture: a pending future with one"
                  + " `thenApply` callback (the future + its dependant, no task at all). Kotlin"
                  + " coroutine: `GlobalScope.launch` (no parent job holding a child node) on"
                  + " `Dispatchers.Default.limitedParallelism(2)`, from a coroutine on it,"
                  + " suspended in `receive()` of one shared rendezvous `Channel` that stays open"
                  + " and empty (compared with asyncfn's oneshot row, whose figure also includes a"
                  + " channel per task), or in a one-hour `delay` (compared with asyncfn's timer"
                  + " row). \"start until suspended\" is the rate of creating tasks until every one"
                  + " is parked (asyncfn and Kotlin spawn from a worker). The virtual-thread figure"
                  + " moves between runs and heap settings (546 to 1,440 B seen on this machine;"
                  + " the issue quotes about 806 B): a parked virtual thread's stack is copied into"
                  + " heap chunks whose size the JVM chooses. The asyncfn figures are stable to a"
                  + " few bytes.",
              r ->
                  List.of(
                      r.check(
                          "memory",
                          "retained per suspended task",
                          "asyncfn (timer)",
                          null,
                          128,
                          "≤ 128 B retained per task parked on a timer",
                          Figure.TIMER_BYTES_WHY),
                      r.check(
                          "memory",
                          "retained per suspended task",
                          "asyncfn (timer)",
                          null,
                          96,
                          "≤ 96 B retained per task parked on a timer (issue 18)",
                          Figure.TIMER_BYTES_WHY),
                      r.check(
                          "memory",
                          "retained per suspended task",
                          "asyncfn (oneshot",
                          null,
                          128,
                          "≤ 128 B retained per task parked on a channel receive",
                          "Besides the task (56 B) and the state machine, the receiver (which"
                              + " holds the channel's state, 32 B) and the sender (16 B)."),
                      r.check(
                          "memory",
                          "retained per suspended task",
                          "asyncfn (timer)",
                          "virtual threads",
                          6.0,
                          "≥ 6× less than a parked virtual thread",
                          "The asyncfn side is the task of the first line; the virtual-thread"
                              + " side moves between runs (see above)."),
                      r.check(
                          "memory",
                          "start until suspended",
                          "asyncfn (timer)",
                          "virtual threads",
                          10.0,
                          "starting tasks until they suspend ≥ 10× the virtual-thread rate",
                          "Measured (one run each, JDK 25): under default heap sizing both"
                              + " rates are mostly the garbage collector copying the tasks"
                              + " started so far (every one stays live; 53 young pauses, 5.2 s in"
                              + " all, in one asyncfn run of four rounds), and a parked virtual"
                              + " thread retains about 5× more to copy. With a young generation"
                              + " large enough for no collection during the start (`-Xmn4g"
                              + " -XX:+AlwaysPreTouch`) asyncfn starts 2.3 M timer tasks/s and"
                              + " virtual threads 2.3 M/s: the start itself (spawn, first poll,"
                              + " timer registration, on two workers) costs about what a virtual"
                              + " thread's start and park cost, so the advantage here is"
                              + " asyncfn's smaller footprint, not a cheaper start. A 10× rate"
                              + " would need a start path several times cheaper; not found"
                              + " yet."))),
          new Figure(
              "await",
              "3a. Await cost",
              "JMH (`AwaitBenchmark`), no runtime: each side driven directly on the benchmark"
                  + " thread, with nothing the JIT can fold: the awaited values are drawn at set-up"
                  + " from a seeded random source (0..127, so that no side allocates a box), every"
                  + " value and result is consumed by a JMH `Blackhole`, and the futures come in"
                  + " three classes in rotation, so the await's poll is a real interface call (the"
                  + " Kotlin sources likewise). Ready: an @Async loop awaiting 1,000 futures that"
                  + " are ready at once (one state machine per 1,000 awaits); a Kotlin suspend"
                  + " loop calling 1,000 suspend functions that return without suspending; a"
                  + " CompletableFuture async loop of `thenCompose` on completed futures (100"
                  + " steps: it recurses once per step), and `thenApply` + `join` on a completed"
                  + " future. Pending: the same loops where every await suspends: the future"
                  + " returns pending after waking its waker and a minimal driver polls the machine"
                  + " again; the Kotlin function suspends and a trampoline resumes its continuation"
                  + " (`KotlinAwait`, no dispatcher); the CompletableFuture step is a new future"
                  + " the driver completes. Chain: ten nested calls (an @Async method awaiting"
                  + " itself, a suspend function calling itself, `thenApply` on the inner call's"
                  + " future) over a ready leaf, or a leaf that suspends once; per chain, so the"
                  + " ten calls' allocations are counted.",
              r ->
                  List.of(
                      r.check(
                          "await",
                          "time per ready await",
                          "asyncfn (@Async loop, futures of one class)",
                          "CompletableFuture.thenApply",
                          1.0,
                          "no slower than thenApply on a completed CompletableFuture (futures of"
                              + " one class, as a CompletableFuture is)",
                          "Likely cause (not profiled): the machine writes its state, the awaited"
                              + " future and its locals to its fields at every await."),
                      r.check(
                          "await",
                          "bytes per ready await",
                          "asyncfn",
                          null,
                          0.5,
                          "0 B per ready await (the state machine amortised over 1,000 awaits)",
                          "Something on the ready path allocates; profile with -prof gc."))),
          new Figure(
              "pingpong",
              "3b. Suspend/wake round trip (ping-pong)",
              "JMH (`PingPongBenchmark`): two tasks pass a number back and forth 1,000 times."
                  + " asyncfn: two @Async tasks over two `Mpsc.channel(1)` on a current-thread"
                  + " runtime (one thread, like one worker). Virtual threads: two virtual threads"
                  + " over two `SynchronousQueue`s with"
                  + " `-Djdk.virtualThreadScheduler.parallelism=1` (one carrier; JDK 21+ only)."
                  + " CompletableFuture: a `thenCompose` chain whose every step is completed by the"
                  + " previous one (100 steps; no thread switch at all, so it is a lower bound"
                  + " rather than a true peer). Kotlin: two coroutines in `runBlocking` (its event"
                  + " loop on the benchmark thread) over two `Channel(1)`"
                  + " (`PingPongKotlinBenchmark`), the same capacity as the asyncfn side; balls"
                  + " above 127 are boxed on both.",
              r ->
                  List.of(
                      r.check(
                          "pingpong",
                          "time per round trip",
                          "asyncfn",
                          "virtual threads",
                          3.0,
                          "round trip ≤ ⅓ of the single-carrier virtual-thread round trip",
                          "A JFR profile of the asyncfn side (before send futures shrank to 24"
                              + " B): creating the send future (56 B per send) took about 27% of"
                              + " the samples, the channel's monitor"
                              + " (push and pop) about 20%, the compare-and-sets of the channel's"
                              + " slot semaphore (acquired by a send, released by a receive)"
                              + " about 19%, and the rest the two state machines and the run"
                              + " queue. Counting a bounded channel's free slots under its"
                              + " monitor instead of in a separate semaphore would remove two"
                              + " compare-and-sets per message; a send future that needs no"
                              + " object of its own when a slot is free would remove the"
                              + " allocation (see the bytes target below)."),
                      r.check(
                          "pingpong",
                          "bytes per round trip",
                          "asyncfn",
                          null,
                          0.5,
                          "0 B per round trip",
                          Figure.SEND_BYTES_WHY),
                      r.check(
                          "pingpong",
                          "time per round trip",
                          "asyncfn",
                          "Kotlin",
                          1.0,
                          "ping-pong no slower than Kotlin's (Channel, one thread)",
                          Figure.KOTLIN_PINGPONG_WHY))),
          new Figure(
              "stream",
              "3c. Stream cost per element",
              "JMH (`StreamBenchmark`, `StreamKotlinBenchmark`): `map(x -> x * 2)` then"
                  + " `filter(x -> x % 3 != 0)` over 1,000 boxed ints, summed by the terminal"
                  + " operation (asyncfn: `forEach`, its future polled directly; Kotlin:"
                  + " `collect` in `runBlocking`, one per 1,000 elements). Ready stream: a counting"
                  + " `AsyncStream` against `(0 until n).asFlow()`. Generator: `Streams.generate`"
                  + " with the state machine the processor generates for a loop of"
                  + " `await(out.emit(i))` (one emit handshake per element) against"
                  + " `flow { for (i in 0 until n) emit(i) }`.",
              r ->
                  List.of(
                      r.check(
                          "stream",
                          "time per element",
                          "asyncfn (generator",
                          "Kotlin flow (flow {",
                          1.0,
                          "a generator's element no slower than a Kotlin flow's",
                          Figure.STREAM_WHY))),
          new Figure(
              "wake",
              "4. Waking N tasks suspended on one event",
              "`Load wake`: N asyncfn tasks (2 workers) await `Notify.notified()`, then one"
                  + " `notifyWaiters()` from the main thread; timed until every task has run."
                  + " Peers: one CompletableFuture with N `thenRun` callbacks completed (the"
                  + " callbacks run inline on the completing thread), N Kotlin coroutines"
                  + " (`GlobalScope.launch` on `Dispatchers.Default.limitedParallelism(2)`)"
                  + " awaiting one `CompletableDeferred` completed from the main thread, and N"
                  + " virtual threads waiting on one CountDownLatch.",
              r ->
                  List.of(
                      r.check(
                          "wake",
                          "wake all",
                          "asyncfn",
                          "CompletableFuture",
                          0.5,
                          "≤ 2× the time of completing one CompletableFuture with N callbacks",
                          "Two fixes so far, each measured alternately in one session with"
                              + " 1,000,000 tasks: wakes from a thread outside the runtime go to"
                              + " the injector in batches under one lock (`RemoteWakes`; 725–795"
                              + " ms to 168–235 ms), and completed tasks no longer unlink"
                              + " themselves under one registry lock shared by both workers"
                              + " (197–223 ms to 165–183 ms). A JFR profile of the workers during"
                              + " the wake now shows the load program's own latch, counted down"
                              + " by every task from two workers (about 12%), taking batches off"
                              + " the injector (about 10%), the task state's compare-and-set"
                              + " (about 10%), and the rest spread over polling each task. The"
                              + " callbacks run inline on one thread with none of that: each"
                              + " woken asyncfn task is a task to queue, poll and complete. Timed"
                              + " on its own (1,000,000 waiters, JDK 25), the `notifyWaiters()`"
                              + " call takes 105–170 ms of the 160–215 ms: it takes every waiter"
                              + " off the list and sets each task's notified bit, a cache miss on"
                              + " the waiter and another on its task, and still about 95 ms when"
                              + " called on a worker, where no injector is involved; the"
                              + " callbacks touch one node each. Tried for issue 18 (2026-12-06,"
                              + " JDK 25, 1,000,000 waiters, twelve runs of each build alternated"
                              + " on an idle machine, medians): handing the wakes to the workers"
                              + " in chunks of 1,024 (a task per chunk that sets its tasks'"
                              + " notified bits and queues them on its worker) cut the"
                              + " `notifyWaiters()` call from 58 to 50 ms but made the whole wake"
                              + " slower, 89 to 122 ms: the notifying thread already overlaps the"
                              + " workers, and the chunks add a spawn each and start only once"
                              + " the list is walked; emptying the waiter list at once instead of"
                              + " unlinking each waiter, with a release store instead of a"
                              + " volatile one per waiter, measured 96 ms against 89 (noise)."
                              + " Neither was kept. Next lever: a waiter node inside the task"
                              + " (one cache miss less per waiter, the miss the profile names);"
                              + " the rest is the price of a task per waiter, which the callbacks"
                              + " do not pay."))),
          new Figure(
              "timers",
              "5. Timers",
              "`Load timers`: N timers with deadlines spread over 250..750 ms after each is"
                  + " scheduled (1,000 distinct deadlines; with large N the scheduling overlaps the"
                  + " first firings, for every subject). asyncfn: one task per timer awaiting"
                  + " `Time.sleep` (2 workers, spawned from a worker). Kotlin: one coroutine per"
                  + " timer in `delay` (`GlobalScope.launch` on"
                  + " `Dispatchers.Default.limitedParallelism(2)` from a coroutine on it; delays"
                  + " are whole milliseconds rounded up, and run on kotlinx's DefaultExecutor"
                  + " thread). Peers: a 1-thread"
                  + " `ScheduledThreadPoolExecutor` (no task per timer, just a callback), and one"
                  + " virtual thread per timer in `Thread.sleep`. CPU per timer: process CPU time"
                  + " from the first schedule to the last firing divided by N (includes creating"
                  + " the task). Lateness: fire time minus deadline.",
              r ->
                  List.of(
                      r.check(
                          "timers",
                          "CPU per timer",
                          "asyncfn",
                          "virtual threads",
                          1.0,
                          "cheaper per timer than a virtual thread sleeping",
                          "The timer wheel has one lock for both workers."),
                      r.check(
                          "timers",
                          "lateness p99",
                          "asyncfn",
                          "ScheduledThreadPoolExecutor",
                          1.0,
                          "p99 lateness no worse than ScheduledThreadPoolExecutor",
                          "Likely cause (not profiled): a fired timer only wakes its task, which"
                              + " then waits in a run queue behind every task woken in the same"
                              + " tick (N/1,000 share each deadline) and behind the tasks still"
                              + " being spawned, where the executor runs its callback directly."
                              + " The wheel's 1 ms tick adds up to 1 ms."))),
          new Figure(
              "echo",
              "6. Echo server",
              "`EchoServer KIND PORT` in one JVM, `EchoClient` in another: one thread, one"
                  + " selector, C connections each with one 64 B message in flight; messages per"
                  + " second and round-trip latency over a bounded window after a warm-up (a"
                  + " message sent before the window and unanswered at its end counts as a"
                  + " latency of the age it reached, and \"connections unanswered\" counts the"
                  + " connections with no reply in the window, so that a server that starves"
                  + " some connections does not show only the latencies of those it serves). Every"
                  + " server gets one thread of work: asyncfn a 1-worker runtime (the worker turns"
                  + " the selector itself), Netty one NIO event loop, virtual threads one carrier"
                  + " (`-Djdk.virtualThreadScheduler.parallelism=1`), and a hand-written selector"
                  + " loop. On 2 cores the client needs one core, so the servers share the"
                  + " other.",
              r ->
                  List.of(
                      r.check(
                          "echo",
                          "throughput",
                          "asyncfn (1000",
                          "netty (1000",
                          1.0,
                          "≥ 1.0× Netty (one loop)",
                          Figure.ECHO_WHY),
                      r.check(
                          "echo",
                          "throughput",
                          "asyncfn (1000",
                          "virtual-threads (1000",
                          1.25,
                          "≥ 1.25× the virtual-thread server",
                          Figure.ECHO_WHY),
                      r.check(
                          "echo",
                          "throughput",
                          "asyncfn (1000",
                          "selector (1000",
                          0.85,
                          "≥ 0.85× a hand-written selector loop",
                          Figure.ECHO_WHY))),
          new Figure(
              "compile",
              "7. Compile time",
              "`Load compile`: javac (in-process, after a warm-up compile) on a generated project"
                  + " of N @Async methods, 10 per class, each with a loop, a branch and three"
                  + " awaits; with the asyncfn processor, and with `-proc:none` on the same"
                  + " sources.",
              r -> List.of(r.compileRatio())));

  /** Why asyncfn loses to {@code peer} in figure {@code id}, as far as the design explains it. */
  static String lossReason(String id, String peer) {
    String key = id + "|" + peer;
    if (key.startsWith("memory|CompletableFuture")) {
      return "A pending CompletableFuture with a callback is not a task: no state machine, no"
          + " scheduling state, no join handle, nothing polled; the gap is the price of a task"
          + " over a bare callback.";
    }
    if (key.startsWith("spawn|ForkJoinPool")) {
      return "`ForkJoinPool.execute` runs a Runnable with no output, join handle or cancellation;"
          + " an asyncfn task cell carries the state word, the output and the join waker, and"
          + " the join is an await per task.";
    }
    if (key.startsWith("pingpong|CompletableFuture")) {
      return "The thenCompose chain never suspends or switches task: every step completes on the"
          + " same stack, so it measures callback dispatch, not a round trip between two tasks.";
    }
    if (key.startsWith("timers|ScheduledThreadPoolExecutor")) {
      return "The executor runs a callback per timer; asyncfn creates, schedules and polls a task"
          + " per timer (polled twice: before and after the sleep), and a woken task waits in a"
          + " run queue behind the others woken in the same tick.";
    }
    if (key.startsWith("timers|")) {
      return "Likely cause (not profiled): a woken task waits in a run queue behind the others"
          + " woken in the same 1 ms tick and behind the tasks still being spawned.";
    }
    if (key.startsWith("pingpong|virtual")) {
      return "Each `send()` allocates its future (24 B: sender and message), where a"
          + " SynchronousQueue hand-off reuses the parked thread's node.";
    }
    if (key.startsWith("pingpong|Kotlin")) {
      return KOTLIN_PINGPONG_WHY;
    }
    if (key.startsWith("await|CompletableFuture (thenApply per call)")) {
      return "Ready leaf: `thenApply` on a completed future runs at once, and the JIT inlines the"
          + " ten calls whole, so escape analysis removes most of their futures (103 B for ten);"
          + " each asyncfn call allocates its state machine (32 B) and the `Poll` of its result"
          + " (16 B): a JFR allocation profile gives the machines 66% of the bytes and the Polls"
          + " 34%. With a pending leaf, where nothing can be inlined away, asyncfn wins.";
    }
    if (key.startsWith("await|CompletableFuture")) {
      return "The CompletableFuture loops call one final class the JIT inlines; the asyncfn row"
          + " awaits futures of three classes, an interface call per await that cannot be"
          + " inlined (compare the one-class row, and the Kotlin row that pays the same call).";
    }
    if (key.startsWith("await|Kotlin (suspend, resume)")) {
      return "Likely cause (from the design, not profiled): a suspension in asyncfn polls the"
          + " awaited future twice (once to suspend, once for the value), each an interface call"
          + " through three classes, and the driver re-enters the machine's state switch; a"
          + " Kotlin resume hands the value straight to the continuation. Neither allocates.";
    }
    if (key.startsWith("await|Kotlin")) {
      return "Likely cause (not profiled): with one class, Kotlin's inlined suspend call becomes a"
          + " plain loop (escape analysis removes its box, 16 B per call otherwise); the asyncfn"
          + " machine writes its state, the awaited future and its locals to its fields at every"
          + " await. With three classes both pay an interface call, and which is ahead changes"
          + " from run to run.";
    }
    if (key.startsWith("stream|")) {
      return STREAM_WHY;
    }
    if (key.startsWith("echo|")) {
      return ECHO_WHY;
    }
    if (key.startsWith("wake|Kotlin")) {
      return "Not analysed yet: both resume every waiter through a dispatcher queue onto two"
          + " threads; this figure moves by 2× between runs on this machine, so compare several.";
    }
    if (key.startsWith("wake|")) {
      return "Every woken task is queued and polled by a worker, where the callbacks run inline.";
    }
    return "Not analysed yet.";
  }

  static final String STREAM_WHY =
      "Likely cause (from the design, not profiled): pull against push. Every asyncfn element"
          + " is a `Poll` returned by each stage (16 B each,"
          + " the source's and map's), and a generator's element also allocates its `emit()`"
          + " future (24 B); a Kotlin flow pushes each value down one chain of direct calls that"
          + " the JIT can inline whole, so escape analysis may remove even the boxes. Whether it"
          + " does changes from one JVM to the next: on 2026-12-06 three JMH forks of the Kotlin"
          + " generator gave 11.6 ± 16.9 ns and 62 ± 114 B per element (about 5 ns and 17 B in a"
          + " fork where the chain is inlined whole, about 30 ns and 150 B where not), so its row"
          + " and this verdict flip between runs of `benchmarks/run`, which runs one fork.";

  static final String KOTLIN_PINGPONG_WHY =
      "Each asyncfn `send()` allocates its future (24 B; `recv()` reuses one per receiver), where"
          + " a suspending Kotlin `send`/`receive` uses the coroutine's own continuation as the"
          + " waiter.";

  static final String SEND_BYTES_WHY =
      "A JFR allocation profile (jdk.ObjectAllocationSample) of the asyncfn side: 94% of the bytes"
          + " are the two send futures, 24 B each (sender and message; a send that finds a free"
          + " slot takes it with one compare-and-set and allocates no queue node, one that must"
          + " wait allocates its node then). `recv()` reuses one future per receiver. The send"
          + " future carries the message from the lazy `send(m)` call to the poll that sends it,"
          + " so it cannot go without changing what `send` means; recycling one is unsafe"
          + " (`cancel()` on a completed future must do nothing). The next lever is in the"
          + " processor: lower `await(tx.send(m))` to a send whose node the state machine owns,"
          + " as Kotlin's continuation is the waiter.";

  static final String TIMER_BYTES_WHY =
      "Three objects per task (class histogram of 300,000 parked tasks, JOL layouts): the task"
          + " cell 56 B, the `Sleep` (its own timer entry) 40 B, the state machine 24 B, 120 B in"
          + " all; the figure above also counts heap the collector keeps as filler. Besides the"
          + " six fields it needs while parked (state, future, join waker, registry shard, two"
          + " registry links), the task cell carries 20 B of diagnostics (id, name or spawn site,"
          + " and the spawn and last-poll times as 4-byte stamps since 2026-12-06, 8 B less than"
          + " two `nanoTime` readings); JDK 25's compact object headers gain nothing (52 B of"
          + " header and fields, padded to 56). Next levers: the registry links outside the task"
          + " (8 B: the cell would be 48 B), a state machine that is its own task cell (Tokio's"
          + " one allocation: a header and a pointer fewer).";

  /**
   * The asyncfn row a peer is compared with when it is not the figure's first asyncfn row: the
   * asyncfn subject doing the same thing ({@code null}: the first asyncfn row).
   */
  static String asyncfnCounterpart(String id, String peer) {
    if (id.equals("memory") && peer.startsWith("Kotlin coroutine (Channel")) {
      return "asyncfn (oneshot";
    }
    if (id.equals("memory") && peer.startsWith("Kotlin coroutine (delay")) {
      return "asyncfn (timer)";
    }
    if (id.equals("await") && peer.endsWith(", one class)")) {
      return "asyncfn (@Async loop, futures of one class)";
    }
    if (id.equals("stream") && peer.startsWith("Kotlin flow (flow {")) {
      return "asyncfn (generator";
    }
    return null;
  }

  static final String ECHO_WHY =
      "Profiled for issue 18 (JFR with -XX:+DebugNonSafepoints on the asyncfn server, 10,000"
          + " connections, JDK 25, idle machine, 73.5 k msg/s, p99 236 ms in that run): the one"
          + " server thread is in native code in 366 of 517 samples, writes 224 (61%), reads 72,"
          + " epoll_wait 50; of the 151 Java samples, the selector's event loop (processEvents) 34"
          + " and the read future's attempt 30, the run queues and the task state a handful each."
          + " So the echo is bound by its two system calls per message, as Netty's is, and the"
          + " throughput moves around 1.0-1.1x Netty's from run to run. The p99 gap is the order"
          + " of service, measured on 2026-12-06 (alternated server runs, JDK 25, 10,000"
          + " connections): with a local run queue large enough for every connection (16,384"
          + " slots, an experiment) the p99 was 165-168 ms in 3 of 4 runs against 218-236 ms"
          + " with the usual 256, where a readiness burst overflows it. The overflow used to move"
          + " the queue's older half to the injector, so the newest tasks of every burst ran"
          + " first (OverflowOrderTest: task 258 of 1,000 ran 230 places late); it now keeps the"
          + " queued tasks and sends the later ones behind them, in order, and while they wait"
          + " the worker's new wakes go behind them too: p99 217 to 185-203 ms (medians of"
          + " 3-5 alternated runs; Netty 160-216 ms in the same runs), throughput unchanged within"
          + " the noise. What is left: the injector is served one task in 61 ahead of the queue,"
          + " and readiness is taken in less often while spilled tasks wait. Turning the selector"
          + " at every interval regardless gave the best p99 (157 ms, Netty 190) but 4% less"
          + " throughput, and was not kept. Against the virtual-thread server at 10,000"
          + " connections, asyncfn's p50 loses because that server answers only about half the"
          + " connections in the window (5,000 of 10,000 unanswered in runs on 2026-12-06; the"
          + " \"connections unanswered\" rows): its p50 is that of the half it serves, and the"
          + " other half shows in its p99. The figures move by 20% and more between runs of one"
          + " server on this shared machine; compare several runs before concluding.";

  static final String NOT_MEASURED =
      "## Not measured\n\n"
          + "- With `--quick`: N is 100,000 instead of 1,000,000, JMH runs 2 short iterations, echo"
          + " runs only with 1,000 connections for 1.5 s (10,000 too without `--quick`), and the"
          + " compile figure uses 30 methods instead of 500 (so its per-method figure is mostly"
          + " the processor's warm-up).\n"
          + "- Profiles: JFR (with `-XX:+DebugNonSafepoints`) was taken for the wake, ping-pong,"
          + " compile and echo figures only; the other causes given for misses are read from the"
          + " design and marked \"likely\" where not measured.\n";
}
