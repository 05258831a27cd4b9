/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

import static dev.asyncfn.runtime.Futures.await;
import static weird.Remote.later;

import dev.asyncfn.Async;
import java.util.List;

/** Deep nesting: loops in tries in loops, awaits at the bottom, every exit kind on the way. */
public class Deep {
  @Async
  static long nested(int n) {
    long sum = 0;
    outer:
    for (int a = 0; a < n; a++) {
      try {
        for (int b = 0; b < n; b++) {
          try {
            int c = 0;
            while (c < n) {
              try {
                do {
                  for (int d : List.of(1, 2)) {
                    try {
                      if ((a + b + c + d) % 5 == 0) {
                        sum += await(later(a * 1000 + b * 100 + c * 10 + d));
                      } else if (d == 2 && c == 1) {
                        continue outer;
                      } else if (a == 2 && b == 1) {
                        throw new IllegalArgumentException("a2b1 c" + c);
                      }
                    } finally {
                      sum += await(later(1));
                    }
                  }
                  c++;
                } while (c % 2 == 1);
              } catch (IllegalArgumentException e) {
                Remote.TRACE.add("caught " + e.getMessage());
                sum -= await(later(7));
                if (a == 2) {
                  break outer;
                }
              }
            }
          } finally {
            Remote.TRACE.add("b" + b);
          }
        }
      } finally {
        sum *= 2;
        Remote.TRACE.add("a" + a + " " + sum);
      }
    }
    return sum;
  }

  /** A bounded generic method over wildcard futures. */
  @Async
  static <T extends Comparable<? super T>> T max(List<? extends dev.asyncfn.runtime.Future<? extends T>> futures) {
    T best = null;
    for (dev.asyncfn.runtime.Future<? extends T> f : futures) {
      T v = await(f);
      if (best == null || v.compareTo(best) > 0) {
        best = v;
      }
    }
    return best;
  }

  enum Level { LOW, MID, HIGH }

  @Async
  static <E extends Enum<E>> String enums(Class<E> type, List<? super E> sink) {
    StringBuilder out = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      E again = await(later(e));
      sink.add(again);
      out.append(again.ordinal()).append(again.name());
    }
    return out.toString();
  }
}
