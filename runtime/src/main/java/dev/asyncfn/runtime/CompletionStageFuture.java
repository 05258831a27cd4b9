package dev.asyncfn.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/** Adapts a {@link CompletionStage} to a {@link Future}: one callback, the latest waker woken. */
final class CompletionStageFuture<T> implements Future<T> {
  private final CompletableFuture<T> stage;
  private final AtomicReference<Waker> waker = new AtomicReference<>();
  private boolean callbackRegistered;
  private boolean done;

  CompletionStageFuture(CompletionStage<T> stage) {
    this.stage = stage.toCompletableFuture();
  }

  @Override
  public Poll<T> poll(Context cx) {
    if (done) {
      throw new IllegalStateException("CompletionStage future polled after it completed");
    }
    if (!stage.isDone()) {
      waker.set(cx.waker());
      if (!callbackRegistered) {
        callbackRegistered = true;
        stage.whenComplete((v, e) -> {
          Waker w = waker.getAndSet(null);
          if (w != null) {
            w.wake();
          }
        });
      }
      if (!stage.isDone()) {
        return Poll.pending();
      }
    }
    done = true;
    try {
      return Poll.ready(stage.join());
    } catch (CompletionException e) {
      throw Throwables.sneaky(e.getCause() != null ? e.getCause() : e);
    }
  }

  @Override
  public void cancel() {
    waker.set(null);
  }
}
