/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.internal.Sneaky;
import dev.asyncfn.runtime.internal.handle.RuntimeContext;
import java.util.concurrent.Callable;

/**
 * {@code Futures.async(block)} in code the processor did not lower (the synchronous twin of an
 * {@code @Async} method, plain code): the block's lambda runs as written, its awaits blocking, at
 * the future's first poll, as lazily as a lowered block. Polled by a thread that drives tasks (a
 * worker), it runs on the runtime's blocking pool instead, so that its awaits never block a worker;
 * elsewhere (the thread of {@code blockOn}) it runs on the polling thread.
 *
 * <h2>Cancellation</h2>
 *
 * Before the first poll, the block never runs. On the blocking pool, cancelling aborts that job
 * (the lambda itself runs to its end: a thread cannot be stopped).
 *
 * @param <T> the output type
 * @param <X> the checked exception of the block
 */
public final class BlockTwinFuture<T, X extends Throwable> implements ThrowingFuture<T, X> {
  private Callable<T> block;
  private JoinHandle<T> onPool;
  private boolean done;

  /** The future of {@code block}, which has not run yet. */
  public BlockTwinFuture(Callable<T> block) {
    this.block = block;
  }

  @Override
  public Poll<T> poll(Context cx) {
    if (onPool != null) {
      Poll<T> p = onPool.poll(cx);
      if (p.isReady()) {
        onPool = null;
        done = true;
      }
      return p;
    }
    Callable<T> b = block;
    if (b == null) {
      throw new IllegalStateException(
          done
              ? "an async block's future was polled after it completed: await it once"
              : "an async block's future was polled after it was cancelled");
    }
    block = null;
    if (RuntimeContext.isDriving()) {
      onPool = RuntimeContext.current().spawnBlocking(b);
      return poll(cx);
    }
    done = true;
    try {
      return Poll.ready(b.call());
    } catch (Exception e) {
      throw Sneaky.<RuntimeException>raise(e);
    }
  }

  @Override
  public void cancel() {
    block = null;
    JoinHandle<T> h = onPool;
    onPool = null;
    if (h != null) {
      h.abort();
    }
  }
}
