/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.Sneaky;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A generator body written by hand, as the processor would generate it, from a list of steps:
 * emit a value, await a future, throw. It records into a trace what a reader of the source would
 * print: {@code "produce v"} before an emit, {@code "resumed after v"} when the emit returns,
 * {@code "finally"} when the body ends in any way (completion, failure, cancellation: the finally
 * block around the whole body).
 */
final class Script<T> {
  private final List<Object> steps = new ArrayList<>();
  private final List<String> trace;
  int bodiesMade;

  Script(List<String> trace) {
    this.trace = trace;
  }

  Script<T> emit(T value) {
    steps.add(new Emit<>(value));
    return this;
  }

  @SafeVarargs
  final Script<T> emitAll(T... values) {
    for (T v : values) {
      emit(v);
    }
    return this;
  }

  Script<T> await(Future<?> f) {
    steps.add(new Await(f));
    return this;
  }

  Script<T> fail(Throwable t) {
    steps.add(new Throw(t));
    return this;
  }

  /** The producer to hand to {@link Streams#generate}. */
  Function<Emitter<T>, Future<Void>> producer() {
    return out -> {
      bodiesMade++;
      trace.add("body created");
      return new Body(out);
    };
  }

  /** A generator running this script. */
  AsyncStream<T> stream() {
    return Streams.generate(producer());
  }

  private record Emit<T>(T value) {}

  private record Await(Future<?> future) {}

  private record Throw(Throwable error) {}

  /** The state machine: the step index, and the future of the current await. */
  private final class Body implements Future<Void> {
    private final Emitter<T> out;
    private int step;
    private Future<?> awaiting;
    private T emitting;
    private boolean finished;

    Body(Emitter<T> out) {
      this.out = out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Poll<Void> poll(Context cx) {
      if (finished) {
        throw new AssertionError("generator body polled after it finished");
      }
      try {
        for (;;) {
          if (awaiting != null) {
            if (awaiting.poll(cx).isPending()) {
              return Poll.pending();
            }
            awaiting = null;
            if (emitting != null) {
              trace.add("resumed after " + emitting);
              emitting = null;
            }
          }
          if (step == steps.size()) {
            finish();
            return Poll.ready(null);
          }
          Object s = steps.get(step++);
          if (s instanceof Emit<?> e) {
            emitting = (T) e.value();
            trace.add("produce " + emitting);
            awaiting = out.emit(emitting);
          } else if (s instanceof Await a) {
            awaiting = a.future();
          } else {
            throw Sneaky.raise(((Throw) s).error());
          }
        }
      } catch (Throwable t) {
        if (!finished) {
          finish();
        }
        throw t;
      }
    }

    private void finish() {
      finished = true;
      trace.add("finally");
    }

    @Override
    public void cancel() {
      if (!finished) {
        if (awaiting != null) {
          awaiting.cancel();
        }
        trace.add("cancelled");
        finish();
      }
    }
  }
}
