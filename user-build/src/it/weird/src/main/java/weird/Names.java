/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

import static dev.asyncfn.runtime.Futures.await;
import static weird.Remote.later;

import dev.asyncfn.Async;
import java.util.ArrayList;
import java.util.List;

/**
 * User names that generated state machines use too: parameters, locals, fields, labels, methods
 * and same-package classes. Each method is valid Java and must mean what its twin means.
 */
public class Names {
  // fields named like a machine's own members, and like generated accessors
  private int state = 1;
  private Object awaiting = "user's awaiting";
  private static final int DONE = 7;
  private static final int[] LINES = {1, 2, 3};
  private int STATE_FIELD = 40;
  private final List<String> log = new ArrayList<>();

  @Async
  static int parameters(int state, int LINES, String cx, long machine, Object self, int awaiting) {
    int a = await(later(state + LINES));
    int DONE = a + awaiting;
    return DONE + cx.length() + (int) machine + self.hashCode() % 1 + await(later(DONE));
  }

  @Async
  static String locals(int n) {
    int poll1 = n;
    int value3 = await(later(poll1 + 1));
    String held1 = "h" + value3;
    int finally1Next = 0;
    Throwable finally1Thrown = null;
    boolean caught = false;
    int taken1 = 0;
    Object branch2 = held1;
    try {
      finally1Next = await(later(value3 * 2));
      if (finally1Next > 10) {
        throw new IllegalStateException("big " + finally1Next);
      }
    } catch (IllegalStateException e) {
      caught = true;
      finally1Thrown = e;
    } finally {
      taken1 = await(later(3));
    }
    final int xCaptured = value3;
    Runnable r = () -> Remote.TRACE.add("captured " + xCaptured + " " + branch2);
    r.run();
    return held1 + " " + finally1Next + " " + caught + " " + finally1Thrown + " " + taken1;
  }

  @Async
  int fields() {
    state += await(later(state));
    awaiting = await(later("replaced " + awaiting));
    STATE_FIELD++;
    log.add(state + " " + awaiting + " " + DONE + " " + LINES.length + " " + STATE_FIELD);
    return state + this.STATE_FIELD;
  }

  @Async
  static int labels(int n) {
    int total = 0;
    machine:
    for (int i = 0; i < n; i++) {
      poll:
      for (int j = 0; j < n; j++) {
        if (j > i) {
          continue machine;
        }
        if (i + j == 5) {
          break poll;
        }
        total += await(later(i * 10 + j));
        if (total > 200) {
          break machine;
        }
      }
    }
    return total;
  }

  // methods named like the machine's own (complete, poll, cancel): the body means the user's
  static String complete(String s) {
    return "complete(" + s + ")";
  }

  String poll(int x) {
    log.add("poll " + x);
    return "poll" + x;
  }

  static int cancel() {
    return -1;
  }

  @Async
  String methodsNamedLikeTheMachines(int x) {
    String a = complete(await(later("a")));
    String b = poll(await(later(x)));
    return a + b + cancel();
  }

  @Async
  static String sameNamedClassesOfThePackage(int votes) {
    Poll p = new Poll("lunch?", votes);
    Context cx = new Context().append(p);
    p = await(later(p.vote()));
    cx.append(Witness.value(p.votes()));
    cx.append(Access.field(await(later(p.votes()))));
    return cx + " " + p;
  }

  public List<String> log() {
    List<String> out = new ArrayList<>(log);
    out.add("state=" + state + " awaiting=" + awaiting + " STATE_FIELD=" + STATE_FIELD);
    return out;
  }
}
