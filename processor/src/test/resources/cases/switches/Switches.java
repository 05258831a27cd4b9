/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.switches;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/** switch statements and switch expressions with awaits. */
public class Switches {

  public enum Color {
    RED,
    GREEN,
    BLUE
  }

  @Async
  static String onString(String s) {
    String r;
    switch (s) {
      case "a":
        r = await(later("alpha"));
        break;
      case "b":
        log("b");
        r = "beta" + await(later(2));
        break;
      default:
        r = "other";
    }
    return r + "!";
  }

  @Async
  static int onEnum(String name) {
    Color c = Color.valueOf(name);
    int r = 0;
    switch (c) {
      case RED:
        r = await(later(1));
        break;
      case GREEN:
        r = await(later(2));
        break;
      default:
        log("default " + c);
        r = 3;
        break;
    }
    return r;
  }

  @Async
  static String intFallthrough(int n) {
    StringBuilder sb = new StringBuilder();
    switch (n) {
      case 1:
        sb.append(await(later("one ")));
        // fall through
      case 2:
        log("two");
        sb.append(await(later("two ")));
        // fall through
      case 3:
        sb.append("three ");
        break;
      case 4:
        sb.append("four ");
        // fall through
      default:
        sb.append(await(later("default")));
    }
    return sb.toString();
  }

  @Async
  static String switchOnAwaitedValue(int n) {
    switch (await(later(n % 3))) {
      case 0:
        return "zero";
      case 1:
        return await(later("one"));
      default:
        return "two";
    }
  }

  @Async
  static int expressionArrow(int n) {
    int r =
        switch (n) {
          case 1 -> await(later(10));
          case 2 -> {
            int t = await(later(5));
            log("t " + t);
            yield t * 2 + await(later(1));
          }
          case 3, 4 -> n * 100;
          default -> -1;
        };
    return r + 1;
  }

  @Async
  static String expressionColonYield(String s) {
    String r =
        switch (s) {
          case "x":
            log("x");
            yield await(later("ex"));
          case "y":
          case "z":
            String t = await(later(s + s));
            yield t.toUpperCase();
          default:
            yield "?";
        };
    return "<" + r + ">";
  }

  @Async
  static String expressionOnEnumWithAwaitedSelector(int ordinal) {
    Color c = await(later(Color.values()[ordinal]));
    return switch (c) {
      case RED -> "warm " + await(later(c.ordinal()));
      case GREEN, BLUE -> "cool";
    };
  }
}
