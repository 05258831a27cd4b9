/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import java.time.Duration;

/**
 * The misuse and failure messages of streams, in one place. Each says what went wrong, then what
 * to do.
 */
public final class StreamMessages {
  private StreamMessages() {}

  /** A finished combinator polled again. */
  public static String polledAfterFailure(String stream) {
    return stream
        + " stream polled after it failed: a failed stream is finished. Stop at the first"
        + " failure, or build a new stream";
  }

  /** A closed stream polled. */
  public static String polledAfterClose(String stream) {
    return stream
        + " stream polled after close(): a closed stream is dropped. Close a stream only when"
        + " you no longer read it";
  }

  /** A null element where the end marker would be ambiguous. */
  public static String nullElement(String where) {
    return where
        + " produced null: null marks the end of a stream, so elements cannot be null."
        + " Wrap an absent value in Optional";
  }

  /** A negative count. */
  public static String negative(String what, long n) {
    return what + " must not be negative, was " + n;
  }

  /** A per-element timeout fired. */
  public static String elementTimedOut(Duration duration) {
    return "stream element did not arrive within " + dev.asyncfn.runtime.internal.Messages.format(
        duration);
  }

  /** An emit future polled outside its generator's poll. */
  public static final String EMIT_OUTSIDE_GENERATOR =
      "Emitter.emit() future polled outside its generator's poll: await emit() in the producer"
          + " body that Streams.generate runs (not in another task); to produce from another task,"
          + " send into an Mpsc channel and read its receiver as the stream";

  /** A second subscriber to a stream's publisher. */
  public static final String ONE_SUBSCRIBER =
      "Streams.toPublisher(stream) publishes one stream and accepts one subscriber: it was"
          + " already subscribed. Call toPublisher on a new stream for each subscriber";

  /** Rule 3.9 of Reactive Streams. */
  public static String nonPositiveRequest(long n) {
    return "Subscription.request(" + n + "): the number of elements requested must be positive"
        + " (Reactive Streams rule 3.9)";
  }

  /** A publisher that signalled more than was requested. */
  public static final String MORE_THAN_REQUESTED =
      "the publisher signalled onNext beyond the demand requested (Reactive Streams rule 1.1):"
          + " it is broken";

  /** The publishing task was cancelled (its runtime shut down). */
  public static final String PUBLISHER_CANCELLED =
      "the task publishing the stream was cancelled, probably because its runtime shut down";
}
