/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/** A Flow subscriber that records every signal as a line, and lets the test request and cancel. */
final class Recorder<T> implements Flow.Subscriber<T> {
  final List<String> signals = Collections.synchronizedList(new ArrayList<>());
  volatile Flow.Subscription subscription;
  volatile Throwable error;
  /** Counted down by onComplete or onError. */
  final CountDownLatch terminated = new CountDownLatch(1);
  private final long requestOnEachNext;

  Recorder(long requestOnEachNext) {
    this.requestOnEachNext = requestOnEachNext;
  }

  Recorder() {
    this(0);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    signals.add("onSubscribe");
  }

  @Override
  public void onNext(T item) {
    signals.add("onNext " + item);
    if (requestOnEachNext > 0) {
      subscription.request(requestOnEachNext);
    }
  }

  @Override
  public void onError(Throwable t) {
    error = t;
    signals.add("onError " + t.getClass().getSimpleName());
    terminated.countDown();
  }

  @Override
  public void onComplete() {
    signals.add("onComplete");
    terminated.countDown();
  }

  List<String> signals() {
    synchronized (signals) {
      return List.copyOf(signals);
    }
  }
}
