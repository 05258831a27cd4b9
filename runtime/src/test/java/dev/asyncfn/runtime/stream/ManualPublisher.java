/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Flow;

/** A Flow publisher driven by the test: records subscribes, requests and cancels. */
final class ManualPublisher<T> implements Flow.Publisher<T> {
  final List<Long> requests = Collections.synchronizedList(new ArrayList<>());
  volatile int subscribes;
  volatile int cancels;
  volatile Flow.Subscriber<? super T> subscriber;

  @Override
  public void subscribe(Flow.Subscriber<? super T> s) {
    subscribes++;
    subscriber = s;
    s.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            requests.add(n);
          }

          @Override
          public void cancel() {
            cancels++;
          }
        });
  }

  long requested() {
    synchronized (requests) {
      return requests.stream().mapToLong(Long::longValue).sum();
    }
  }
}
