/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.awaiteach;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.runtime.Futures.awaitEach;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import dev.asyncfn.runtime.stream.Streams;
import dev.asyncfn.runtime.stream.ThrowingStream;
import java.io.IOException;
import java.util.List;

/**
 * {@code for (T x : awaitEach(stream))}: each element awaited (pending first under the pending
 * driver), the stream evaluated once, closed however the loop is left. Early exits sit in a
 * try-with-resources, the form whose synchronous twin closes the stream too.
 */
public class AwaitEach {
  /** A stream of {@code values}, each handed out through {@code later}; logs its one close. */
  static final class Numbers implements AsyncStream<Integer> {
    private final List<Integer> values;
    private int next;
    private Future<Integer> current;
    private boolean closed;

    Numbers(List<Integer> values) {
      log("stream made");
      this.values = values;
    }

    @Override
    public Poll<Integer> pollNext(Context cx) {
      if (next == values.size()) {
        return Poll.ready(null);
      }
      if (current == null) {
        current = later(values.get(next));
      }
      Poll<Integer> p = current.poll(cx);
      if (p.isReady()) {
        current = null;
        next++;
      }
      return p;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        log("closed after " + next);
      }
    }
  }

  @Async
  static int sumsEveryElement(List<Integer> xs) {
    int sum = 0;
    for (int x : awaitEach(new Numbers(xs))) {
      sum += x;
    }
    return sum;
  }

  @Async
  static int awaitsInTheBody(List<Integer> xs) {
    int sum = 0;
    for (Integer x : awaitEach(new Numbers(xs))) {
      sum += await(later(x * 10));
      log("added " + x);
    }
    return sum;
  }

  @Async
  static String breaksAndContinues(List<Integer> xs) {
    StringBuilder out = new StringBuilder();
    try (Numbers s = new Numbers(xs)) {
      for (int x : awaitEach(s)) {
        if (x % 2 == 0) {
          continue;
        }
        if (x > 5) {
          break;
        }
        out.append(await(later(x)));
      }
    }
    return out.toString();
  }

  @Async
  static String returnsFromTheLoop(List<Integer> xs, int wanted) {
    try (Numbers s = new Numbers(xs)) {
      for (int x : awaitEach(s)) {
        if (x == wanted) {
          return "found " + await(later(x));
        }
      }
    }
    return "none";
  }

  @Async
  static String failsInTheBody(List<Integer> xs) {
    try (Numbers s = new Numbers(xs)) {
      for (int x : awaitEach(s)) {
        if (await(later(x)) == 3) {
          throw new IllegalStateException("three");
        }
      }
      return "no three";
    } catch (IllegalStateException e) {
      return "caught " + e.getMessage();
    }
  }

  @Async
  static String labelledBreakFromAnInnerLoop(List<Integer> xs) {
    StringBuilder out = new StringBuilder();
    try (Numbers outer = new Numbers(xs)) {
      rows:
      for (int row : awaitEach(outer)) {
        for (int col = 0; col < 3; col++) {
          if (row * col == 4) {
            break rows;
          }
          out.append(await(later(row * col))).append(' ');
        }
      }
    }
    return out.toString().trim();
  }

  @Async
  static int nestedStreams(List<Integer> xs) {
    int sum = 0;
    for (int a : awaitEach(new Numbers(xs))) {
      for (int b : awaitEach(Streams.of(a, a))) {
        sum += await(later(b));
      }
    }
    return sum;
  }

  @Async
  static String checkedFailureOfTheStream(boolean fail) {
    ThrowingStream<String, IOException> s =
        Streams.throwing(
            IOException.class,
            Streams.of("a", "b", "c").map(v -> {
              if (fail && v.equals("b")) {
                throw new IllegalArgumentException("not b");
              }
              return v;
            }));
    StringBuilder out = new StringBuilder();
    try {
      for (String v : awaitEach(s)) {
        out.append(await(later(v)));
      }
    } catch (IOException e) {
      return "io " + e.getMessage();
    } catch (IllegalArgumentException e) {
      return out + " then " + e.getMessage();
    }
    return out.toString();
  }

  @Async
  static int streamExpressionEvaluatedOnce(List<Integer> xs) {
    int n = 0;
    for (int x : awaitEach(made(xs))) {
      n += x;
    }
    return n;
  }

  static AsyncStream<Integer> made(List<Integer> xs) {
    log("made once");
    return new Numbers(xs);
  }
}
