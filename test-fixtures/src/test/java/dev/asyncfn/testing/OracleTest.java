/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests the oracle against a hand-written "generated" companion, with deliberate bugs that the
 * oracle must catch. Compiled without the processor, which this module does not have.
 */
class OracleTest {
  private static final String USER =
      """
      package demo;

      import static dev.asyncfn.runtime.Futures.await;
      import dev.asyncfn.testing.TestFutures;
      import dev.asyncfn.testing.Trace;

      public class Demo {
        int base = 100;

        static int add(int a, String bug) {
          Trace.log("start");
          int b = await(TestFutures.later(a + 1));
          Trace.log("b=" + b);
          return a + b;
        }

        int plusBase(int a) {
          Trace.log("self");
          return base + await(TestFutures.later(a));
        }

        static int fail(String bug) throws IOException {
          Trace.log("before");
          return await(TestFutures.<Integer, IOException>laterThrow(new IOException("boom")));
        }

        static int undeclared() {
          throw new IllegalStateException("oops");
        }
      }
      """
          .replace("import dev.asyncfn.testing.Trace;", "import dev.asyncfn.testing.Trace;\nimport java.io.IOException;");

  /** A hand-made state machine; {@code bug} selects a contract violation. */
  private static final String COMPANION =
      """
      package demo;

      import dev.asyncfn.runtime.Context;
      import dev.asyncfn.runtime.Future;
      import dev.asyncfn.runtime.Poll;
      import dev.asyncfn.testing.TestFutures;
      import dev.asyncfn.testing.Trace;
      import java.io.IOException;

      public final class DemoAsync {
        public static Future<Integer> add(int a, String bug) {
          if (bug.equals("eager")) {
            Trace.log("start");
          }
          return new Future<Integer>() {
            int state;
            Future<Integer> f;

            @Override
            public Poll<Integer> poll(Context cx) {
              switch (state) {
                case 0:
                  if (!bug.equals("eager")) {
                    Trace.log("start");
                  }
                  f = TestFutures.later(a + 1);
                  state = 1;
                  // fall through
                case 1:
                  Poll<Integer> p = f.poll(bug.equals("nowake") ? Context.noop() : cx);
                  if (p.isPending()) {
                    if (bug.equals("spin")) {
                      p = f.poll(cx);
                    } else {
                      return Poll.pending();
                    }
                  }
                  int b = p.get();
                  Trace.log("b=" + b);
                  state = bug.equals("reusable") ? 0 : 2;
                  return Poll.ready(bug.equals("wrong") ? a + b + 1 : a + b);
                default:
                  throw new IllegalStateException("Demo.add polled after completion");
              }
            }
          };
        }

        public static Future<Integer> plusBase(Demo self, int a) {
          return new Future<Integer>() {
            int state;
            int held;
            Future<Integer> f;

            @Override
            public Poll<Integer> poll(Context cx) {
              switch (state) {
                case 0:
                  Trace.log("self");
                  held = self.base;
                  f = TestFutures.later(a);
                  state = 1;
                  // fall through
                case 1:
                  Poll<Integer> p = f.poll(cx);
                  if (p.isPending()) {
                    return Poll.pending();
                  }
                  state = 2;
                  return Poll.ready(held + p.get());
                default:
                  throw new IllegalStateException("Demo.plusBase polled after completion");
              }
            }
          };
        }

        public static Future<Integer> fail(String bug) {
          return new Future<Integer>() {
            int state;
            Future<Integer> f;

            @Override
            public Poll<Integer> poll(Context cx) {
              switch (state) {
                case 0:
                  Trace.log("before");
                  f = TestFutures.laterThrow(
                      bug.equals("wrapped") ? new IOException("boom") : new IOException("boom"));
                  state = 1;
                  // fall through
                case 1:
                  try {
                    Poll<Integer> p = f.poll(cx);
                    if (p.isPending()) {
                      return Poll.pending();
                    }
                    return p;
                  } catch (Throwable t) {
                    state = 2;
                    if (bug.equals("wrapped")) {
                      throw new RuntimeException(t);
                    }
                    throw t;
                  }
                default:
                  throw new IllegalStateException("Demo.fail polled after completion");
              }
            }
          };
        }

        public static Future<Integer> undeclared() {
          return cx -> {
            throw new IllegalStateException("oops");
          };
        }
      }
      """;

  private static Oracle oracle;

  @BeforeAll
  static void compile() {
    Compiled c =
        AsyncCompiler.create()
            .withoutProcessor()
            .compile(JavaSource.of(USER), JavaSource.of(COMPANION));
    oracle = Oracle.of(c);
  }

  @Test
  void aFaithfulStateMachinePasses() {
    Oracle.Report r = oracle.check(AsyncCase.of("demo.Demo", "add", 1, "none").expect(3));
    assertEquals(2, r.pollsPending());
    assertEquals(1, r.suspensionsPending());
    assertEquals("returned Integer 3", r.futurePending().result());
    assertEquals(java.util.List.of("start", "b=2"), r.futurePending().trace());
  }

  @Test
  void theTwinsTraceAndExceptionMessageCanBePinned() {
    oracle.check(AsyncCase.of("demo.Demo", "add", 1, "none").expect(3).expectTrace("start", "b=2"));
    oracle.check(
        AsyncCase.of("demo.Demo", "fail", "none")
            .throwing(IOException.class, "boom")
            .expectTrace("before"));
  }

  @Test
  void catchesAWrongTrace() {
    assertFails(
        "expects the trace [start]",
        AsyncCase.of("demo.Demo", "add", 1, "none").expectTrace("start"));
    assertFails("expects the trace []", AsyncCase.of("demo.Demo", "add", 1, "none").expectTrace());
  }

  @Test
  void catchesAWrongExceptionMessage() {
    assertFails(
        "expects the message \"bang\"",
        AsyncCase.of("demo.Demo", "fail", "none").throwing(IOException.class, "bang"));
  }

  @Test
  void instanceMethodsGetAFreshReceiverFirst() {
    oracle.check(AsyncCase.of("demo.Demo", "plusBase", 5).expect(105));
  }

  @Test
  void aCheckedFailureThatReachesTheCallerUnchangedPasses() {
    oracle.check(AsyncCase.of("demo.Demo", "fail", "none").throwing(IOException.class));
  }

  @Test
  void catchesAWrongValue() {
    assertFails("outcome differs", AsyncCase.of("demo.Demo", "add", 1, "wrong"));
  }

  @Test
  void catchesAWrappedException() {
    assertFails("outcome differs", AsyncCase.of("demo.Demo", "fail", "wrapped").throwing(IOException.class));
  }

  @Test
  void catchesAnEagerFactory() {
    assertFails("futures must be lazy", AsyncCase.of("demo.Demo", "add", 1, "eager"));
  }

  @Test
  void catchesPendingWithoutAWake() {
    assertFails("without waking", AsyncCase.of("demo.Demo", "add", 1, "nowake"));
  }

  @Test
  void catchesAnAwaitThatDidNotSuspend() {
    assertFails("answered pending 0 time(s)", AsyncCase.of("demo.Demo", "add", 1, "spin"));
  }

  @Test
  void catchesPollingAfterCompletionThatDoesNotThrow() {
    assertFails("did not throw IllegalStateException", AsyncCase.of("demo.Demo", "add", 1, "reusable"));
  }

  @Test
  void catchesAWrongExpectation() {
    assertFails("expects Integer 4", AsyncCase.of("demo.Demo", "add", 1, "none").expect(4));
  }

  @Test
  void anUndeclaredExceptionOfTheTwinFailsTheCase() {
    assertFails("declare .throwing(IllegalStateException.class)", AsyncCase.of("demo.Demo", "undeclared"));
    oracle.check(AsyncCase.of("demo.Demo", "undeclared").throwing(IllegalStateException.class));
  }

  @Test
  void companionNames() throws Exception {
    assertEquals("java.util.Map_EntryAsync", Oracle.companionName(java.util.Map.Entry.class));
    assertEquals("java.lang.StringAsync", Oracle.companionName(String.class));
  }

  private static void assertFails(String messagePart, AsyncCase c) {
    AssertionError e = assertThrows(AssertionError.class, () -> oracle.check(c));
    assertTrue(e.getMessage().contains(messagePart), "expected \"" + messagePart + "\" in:\n" + e.getMessage());
  }
}
