/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.foreach;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Enhanced for over Iterables and arrays. */
public class ForEach {

  /** An Iterable that logs each iterator() call: the loop must create its iterator once. */
  static final class Counting implements Iterable<Integer> {
    private final int n;

    Counting(int n) {
      this.n = n;
    }

    @Override
    public Iterator<Integer> iterator() {
      log("iterator()");
      return new Iterator<Integer>() {
        int next;

        @Override
        public boolean hasNext() {
          return next < n;
        }

        @Override
        public Integer next() {
          log("next " + next);
          return next++;
        }
      };
    }
  }

  @Async
  static int overList(List<Integer> xs) {
    int s = 0;
    for (int x : xs) {
      s += await(later(x));
      log("x " + x);
    }
    return s;
  }

  @Async
  static int iteratorCreatedOnce(int n) {
    int s = 0;
    for (Integer x : new Counting(n)) {
      s += await(later(x * 3));
    }
    return s;
  }

  @Async
  static int overIntArray(int[] xs) {
    int s = 0;
    for (int x : xs) {
      s = s * 10 + await(later(x));
    }
    return s;
  }

  /** The array expression is evaluated once, even if the variable is reassigned in the body. */
  @Async
  static String arrayEvaluatedOnce(String[] words) {
    StringBuilder sb = new StringBuilder();
    String[] current = words;
    for (String w : current) {
      current = new String[] {"replaced"};
      sb.append(await(later(w.toUpperCase())));
    }
    return sb + "/" + current[0];
  }

  @Async
  static String breakOutOfForEach(List<String> xs) {
    String found = "none";
    for (String x : xs) {
      if (await(later(x)).startsWith("b")) {
        found = x;
        break;
      }
      log("checked " + x);
    }
    return found;
  }

  @Async
  static String varOverMapEntries() {
    Map<String, Integer> m = new TreeMap<>();
    m.put("a", 1);
    m.put("b", 2);
    StringBuilder sb = new StringBuilder();
    for (var e : m.entrySet()) {
      int doubled = await(later(e.getValue() * 2));
      sb.append(e.getKey()).append('=').append(doubled).append(';');
    }
    return sb.toString();
  }

  @Async
  static int nestedForEach(int[][] grid) {
    int s = 0;
    for (int[] row : grid) {
      for (int v : row) {
        s += await(later(v));
      }
      log("row done " + s);
    }
    return s;
  }
}
