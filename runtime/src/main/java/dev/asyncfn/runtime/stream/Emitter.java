/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.internal.stream.StreamMessages;
import java.util.Objects;

/**
 * The producer's end of a generator made by {@link Streams#generate}: {@link #emit(Object)} hands
 * one value to the consumer and suspends the producer until the consumer asks for the next one
 * (Kotlin's {@code FlowCollector.emit}, C#'s {@code yield return}, Rust's {@code async-stream}
 * {@code yield}).
 *
 * <h2>The handshake</h2>
 *
 * <ul>
 *   <li>The producer body is a future that the generator polls from the consumer's {@code
 *       pollNext}, with the consumer's context: the producer runs only while the consumer waits
 *       for an element, on the consumer's thread.
 *   <li>The first poll of an {@code emit(v)} future hands {@code v} over and returns pending; the
 *       generator returns {@code v} from that same {@code pollNext}. The producer stays suspended
 *       in that await until the consumer asks for the next element: then the emit future is ready
 *       and the producer continues. So the producer is never more than the one value the
 *       consumer asked for ahead, and a slow consumer never makes anything buffer.
 *   <li>If several emit futures are pending at once (a body that joins two emits), they hand
 *       their values over one at a time, in the order they are first polled.
 *   <li>An emit future must be polled inside the body's poll: awaiting it from another task fails
 *       with {@link IllegalStateException}. To produce from another task, send into an {@code
 *       Mpsc} channel and use its receiver as the stream.
 * </ul>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * // In an @Async method the processor writes this for you; by hand:
 * AsyncStream<Integer> countdown = Streams.generate(out -> new Future<Void>() {
 *   int left = 3;
 *   Future<Void> emitting;
 *
 *   public Poll<Void> poll(Context cx) {
 *     for (;;) {
 *       if (emitting != null) {
 *         if (emitting.poll(cx).isPending()) return Poll.pending();
 *         emitting = null;
 *       }
 *       if (left == 0) return Poll.ready(null);
 *       emitting = out.emit(left--);
 *     }
 *   }
 * });
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Not thread-safe: used only by the producer body, which the generator polls from one task at a
 * time.
 *
 * <h2>Cancellation</h2>
 *
 * Cancelling an emit future that handed its value over but whose value was not taken yet
 * withdraws the value. Closing the generator cancels the body (its finally blocks run), which
 * cancels the emit future it awaits.
 *
 * <h2>Throws</h2>
 *
 * {@link NullPointerException} from {@code emit(null)}: {@code null} is the end of a stream.
 *
 * @param <T> the element type
 */
public final class Emitter<T> {
  /** The emit future whose value is handed over and not yet taken; guarded by the poll. */
  private EmitFuture<T> handedOver;

  /** Whether the generator is polling the body right now. */
  private boolean inBodyPoll;

  Emitter() {}

  /**
   * A future that hands {@code value} to the consumer and completes when the consumer asks for
   * the element after it. Await it in the producer body.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public Future<Void> emit(T value) {
    if (value == null) {
      throw new NullPointerException(StreamMessages.nullElement("Emitter.emit(value)"));
    }
    return new EmitFuture<>(this, value);
  }

  void enterBodyPoll() {
    inBodyPoll = true;
  }

  void exitBodyPoll() {
    inBodyPoll = false;
  }

  /** The value handed over, taken by the consumer: its emit future completes at its next poll. */
  T take() {
    EmitFuture<T> e = handedOver;
    if (e == null) {
      return null;
    }
    handedOver = null;
    T v = e.value;
    e.value = null;
    e.taken = true;
    return v;
  }

  /** Drops a value handed over and not taken (the generator was closed). */
  void clear() {
    EmitFuture<T> e = handedOver;
    if (e != null) {
      handedOver = null;
      e.value = null;
    }
  }

  /** One {@code emit(value)}: new, then handed over, then taken. */
  private static final class EmitFuture<T> implements Future<Void> {
    private final Emitter<T> emitter;
    T value;
    boolean taken;
    private boolean handed;
    private boolean done;

    EmitFuture(Emitter<T> emitter, T value) {
      this.emitter = emitter;
      this.value = value;
    }

    @Override
    public Poll<Void> poll(Context cx) {
      if (done) {
        throw new IllegalStateException(
            "an emit() future was polled after it completed or was cancelled: await it once");
      }
      if (!emitter.inBodyPoll) {
        throw new IllegalStateException(StreamMessages.EMIT_OUTSIDE_GENERATOR);
      }
      if (!handed) {
        if (emitter.handedOver != null) {
          return Poll.pending(); // another emit's value waits; the next pollNext polls us again
        }
        emitter.handedOver = this;
        handed = true;
        // No waker is needed: the generator polls the body again when the consumer asks.
        return Poll.pending();
      }
      if (!taken) {
        return Poll.pending();
      }
      done = true;
      return Poll.ready(null);
    }

    @Override
    public void cancel() {
      if (!done) {
        done = true;
        if (emitter.handedOver == this) {
          emitter.handedOver = null;
        }
        value = null;
      }
    }
  }
}
