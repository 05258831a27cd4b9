/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import kotlin.reflect.KFunction;
import kotlin.reflect.jvm.ReflectJvmMapping;
import org.jetbrains.lincheck.datastructures.DSLScenarioBuilder;
import org.jetbrains.lincheck.datastructures.DSLThreadScenario;

/**
 * A hand-written Lincheck scenario, for the race a random scenario reaches too rarely to count on
 * in a bounded run: {@code Scenario.of(Test.class).init("lock", 1).thread("unlock", 1).thread(
 * "lock", 2, "cancel", 2).post("lock", 3)}. Operations are named with their arguments after them
 * (an {@code int} per parameter, the task index included: a hand-written scenario picks it). The
 * model checker explores its interleavings like any other.
 */
final class Scenario {
  private final Class<?> test;
  private final List<Object[]> init = new ArrayList<>();
  private final List<Object[]> threads = new ArrayList<>();
  private final List<Object[]> post = new ArrayList<>();

  private Scenario(Class<?> test) {
    this.test = test;
  }

  static Scenario of(Class<?> test) {
    return new Scenario(test);
  }

  Scenario init(Object... ops) {
    init.add(ops);
    return this;
  }

  Scenario thread(Object... ops) {
    threads.add(ops);
    return this;
  }

  Scenario post(Object... ops) {
    post.add(ops);
    return this;
  }

  /** The scenario in the form {@code Options.addCustomScenario} takes. */
  Function1<DSLScenarioBuilder, Unit> build() {
    return b -> {
      if (!init.isEmpty()) {
        b.initial(t -> add(t, init));
      }
      b.parallel(
          p -> {
            for (Object[] ops : threads) {
              p.thread(t -> add(t, List.<Object[]>of(ops)));
            }
            return Unit.INSTANCE;
          });
      if (!post.isEmpty()) {
        b.post(t -> add(t, post));
      }
      return Unit.INSTANCE;
    };
  }

  /** Adds the operations of {@code parts}: each a name followed by its int arguments. */
  private Unit add(DSLThreadScenario t, List<Object[]> parts) {
    for (Object[] ops : parts) {
      int i = 0;
      while (i < ops.length) {
        String name = (String) ops[i++];
        List<Object> args = new ArrayList<>();
        while (i < ops.length && !(ops[i] instanceof String)) {
          args.add(ops[i++]);
        }
        t.actor(function(name, args.size()), args.toArray());
      }
    }
    return Unit.INSTANCE;
  }

  private KFunction<?> function(String name, int arity) {
    for (Method m : test.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == arity) {
        KFunction<?> f = ReflectJvmMapping.getKotlinFunction(m);
        if (f != null) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException("no operation " + name + "/" + arity + " in " + test);
  }
}
