/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// corpus: requires JDK 21
package cases.patterns21;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;
import static dev.asyncfn.testing.Trace.logged;

import dev.asyncfn.Async;

/**
 * JDK 21 pattern matching around awaits: pattern switches (statements and expressions, rules and
 * groups) with awaits in case bodies and in guards, record patterns nested and with {@code var},
 * {@code case null}, qualified enum constants, and record patterns in {@code instanceof}.
 */
public class Sealed {
  sealed interface Shape permits Circle, Square, Rect {}

  record Circle(int r) implements Shape {}

  record Square(int side) implements Shape {}

  record Rect(Square a, Square b) implements Shape {}

  enum Color {
    RED,
    GREEN
  }

  static Shape shape(int which) {
    switch (which) {
      case 0:
        return new Circle(20);
      case 1:
        return new Circle(3);
      case 2:
        return new Square(4);
      default:
        return new Rect(new Square(2), new Square(5));
    }
  }

  static Object value(int which) {
    Object[] values = {null, 20, 7, 3, -1, "", "x", 2.0, Color.GREEN, Color.RED};
    return values[which];
  }

  static boolean guard(String name, boolean result) {
    log(name + "=" + result);
    return result;
  }

  @Async
  static String awaitInBodies(int which) {
    Shape s = shape(which);
    return switch (s) {
      case Circle c when c.r() > 10 -> "big " + await(later(c.r()));
      case Circle c -> "circle " + await(later(c.r()));
      case Square(var side) -> {
        int x = await(later(side));
        yield "square " + (x + side);
      }
      case Rect(Square(int a), Square(var b)) -> "rect " + await(later(a * b)) + " " + a;
    };
  }

  @Async
  static String awaitInGuards(int which) {
    Object o = value(which);
    switch (o) {
      case null -> {
        return "null";
      }
      case Integer i when guard("g1", i > 5) && await(later(i > 10)) -> {
        return "big int " + i;
      }
      case Integer i when guard("g2", i > 0) -> {
        return "int " + await(later(i));
      }
      case String str when await(later(logged("g3", str.isEmpty()))) -> {
        return "empty";
      }
      case String str -> {
        return "string " + str;
      }
      case Color.RED -> {
        return "red";
      }
      default -> {
        return "other " + await(later(o));
      }
    }
  }

  @Async
  static int groups(int which) {
    Shape s = shape(which);
    int total = 0;
    switch (s) {
      case Circle c:
        total += await(later(c.r()));
        break;
      case Square q:
        total += await(later(q.side() * 2));
        // falls through into a group without bindings
      default:
        total += 100;
    }
    return total;
  }

  static String sized(int size, Object unit) {
    return size + " " + unit;
  }

  /** A switch held as an argument: values naming their bindings, beside values that do not. */
  @Async
  static String polySwitchWithBindings(int which) {
    return sized(
        switch (shape(which)) {
          case Circle c when c.r() > 10 -> 'L';
          case Circle c -> await(later((short) c.r()));
          case Square s -> s.side() * 'a';
          case Rect(Square a, var b) -> {
            Long area = await(later((long) a.side() * b.side()));
            yield (int) (long) area;
          }
        },
        await(later(which == 2 ? "cm" : "m")));
  }

  @Async
  static String nullAndDefaultTogether(int which) {
    Object o = value(which);
    return switch (o) {
      case Integer i -> "int " + await(later(i));
      case null, default -> "else " + await(later(String.valueOf(o)));
    };
  }

  @Async
  static String switchWithoutAwaitInAsyncMethod(int which) {
    int base = await(later(10));
    Shape s = shape(which);
    return switch (s) {
      case Circle c when c.r() > base -> "big circle";
      case Circle c -> "circle " + c.r();
      case Square(int side) -> "square " + side;
      case Rect(var a, var b) -> "rect " + (a.side() + b.side());
    };
  }

  @Async
  static int recordPatternInInstanceof(int which) {
    Shape s = shape(which);
    if (s instanceof Rect(Square(var a), Square b) && await(later(a)) > 1) {
      return a * 100 + await(later(b.side()));
    }
    return -1;
  }

  @Async
  static String exhaustiveStatementWithoutDefault(int which) {
    Shape s = shape(which);
    String out;
    switch (s) {
      case Circle c -> out = "c" + await(later(c.r()));
      case Square q -> out = "s" + q.side();
      case Rect r -> {
        return "r" + await(later(r.a().side()));
      }
    }
    return out + "!";
  }
}
