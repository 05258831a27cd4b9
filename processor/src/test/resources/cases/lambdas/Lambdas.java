/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.lambdas;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Lambdas, anonymous and local classes capturing locals that became fields. */
public class Lambdas {

  /** A value captured in iteration 1 stays iteration 1's value. */
  @Async
  static String captureLoopValues(int n) {
    List<Supplier<Integer>> fs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int v = await(later(i * 10));
      fs.add(() -> v);
    }
    StringBuilder sb = new StringBuilder();
    for (Supplier<Integer> f : fs) {
      sb.append(f.get()).append(' ');
    }
    return sb.toString();
  }

  @Async
  static String captureForEachVariable(List<String> xs) {
    List<Runnable> rs = new ArrayList<>();
    for (String x : xs) {
      await(later(0));
      rs.add(() -> log("ran " + x));
    }
    rs.forEach(Runnable::run);
    return "ran " + rs.size();
  }

  @Async
  static String lambdaRunAfterAwait() {
    String s = await(later("captured"));
    Supplier<String> sup = () -> s + "!";
    await(later(0));
    return sup.get() + await(later(sup.get().length()));
  }

  @Async
  static String anonymousClassCapture(int base) {
    List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));
    int offset = await(later(base));
    xs.sort(
        new Comparator<Integer>() {
          @Override
          public int compare(Integer a, Integer b) {
            return Integer.compare(Math.abs(a - offset), Math.abs(b - offset));
          }
        });
    await(later(0));
    return xs.toString();
  }


  @Async
  static int lambdaUsingAwaitedValueInStream(List<Integer> xs) {
    int threshold = await(later(2));
    int sum = xs.stream().filter(x -> x > threshold).mapToInt(Integer::intValue).sum();
    IntSupplier later = () -> sum + threshold;
    return await(later(later.getAsInt()));
  }
}
