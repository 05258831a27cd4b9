/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package cases.switchforms;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.testing.TestFutures.later;
import static dev.asyncfn.testing.Trace.log;

import dev.asyncfn.Async;

/**
 * Switch expressions (arrow, colon with yield and fallthrough, numeric arms) and switch statements
 * (on a String with fallthrough and a block, on an enum in arrow form, grouped int labels), with
 * awaits in the selector, the arms and blocks, from the processor's first tests. Enum constants
 * arrive by name: a case's arguments exist before the class does.
 */
public class SwitchForms {
  public enum Op {
    ADD,
    MUL,
    NEG
  }

  public enum Color {
    RED,
    GREEN,
    BLUE
  }

  @Async
  static int arrow(String opName, int a) {
    Op op = Op.valueOf(opName);
    int r = switch (op) {
      case ADD -> a + await(later(1));
      case MUL -> {
        int k = await(later(3));
        log("mul");
        yield a * k;
      }
      case NEG -> -a;
    };
    return r;
  }

  @Async
  static String colon(int n) {
    String s = "v" + switch (await(later(n))) {
      case 1:
        log("one");
      case 2:
        yield await(later("low"));
      default: {
        if (n > 5) yield "high";
        yield "mid" + await(later(n));
      }
    };
    return s;
  }

  @Async
  static long numeric(int n) {
    return switch (n) { case 0 -> 1; case 1 -> await(later(2L)); default -> 'c'; };
  }

  @Async
  static String switchString(String s) {
    String r = "";
    switch (await(later(s))) {
      case "a":
        r += await(later("A"));
      case "b":
        r += "B";
        break;
      case "c": {
        int k = await(later(3));
        r += k;
        break;
      }
      default:
        r = "other";
    }
    return r;
  }

  @Async
  static int switchEnum(String colorName, int n) {
    Color color = Color.valueOf(colorName);
    int r = 0;
    switch (color) {
      case RED -> r = await(later(1));
      case GREEN -> { r = await(later(2)) + n; log("green"); }
      default -> throw new IllegalStateException("blue");
    }
    switch (n) {
      case 1: case 2: r *= await(later(10)); break;
      case 3: return -1;
    }
    return r;
  }
}
