/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

import dev.asyncfn.userbuild.Twins;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Valid but weird sources against their twins; the trace is Remote's global one. */
class WeirdTwinTest {
  static Object fresh() {
    Remote.take();
    return null;
  }

  static Object trace(Object ignored) {
    return new ArrayList<>(Remote.TRACE);
  }

  @Test
  void parametersNamedLikeMachineMembers() {
    Twins.check("parameters", WeirdTwinTest::fresh,
            x -> Names.parameters(1, 2, "cx", 4L, "self", 5),
            x -> NamesAsync.parameters(1, 2, "cx", 4L, "self", 5), WeirdTwinTest::trace)
        .assertReturned(8 + 2 + 4 + 8);
  }

  @Test
  void localsNamedLikeGeneratedOnes() {
    for (int n : new int[] {2, 9}) {
      Twins.check("locals " + n, WeirdTwinTest::fresh, x -> Names.locals(n),
          x -> NamesAsync.locals(n), WeirdTwinTest::trace);
    }
  }

  @Test
  void fieldsNamedLikeMachineMembers() {
    Twins.check("fields", Names::new, Names::fields, NamesAsync::fields, Names::log)
        .assertReturned(2 + 41);
  }

  @Test
  void labelsNamedMachineAndPoll() {
    for (int n : new int[] {0, 3, 6, 9}) {
      Twins.check("labels " + n, WeirdTwinTest::fresh, x -> Names.labels(n),
          x -> NamesAsync.labels(n), WeirdTwinTest::trace);
    }
  }

  @Test
  void methodsNamedCompletePollCancel() {
    Twins.check("methods", Names::new, s -> s.methodsNamedLikeTheMachines(3),
            s -> NamesAsync.methodsNamedLikeTheMachines(s, 3), Names::log)
        .assertReturned("complete(a)poll3-1");
  }

  @Test
  void classesOfThePackageNamedPollContextWitnessAccess() {
    Twins.check("same-named classes", WeirdTwinTest::fresh,
            x -> Names.sameNamedClassesOfThePackage(4),
            x -> NamesAsync.sameNamedClassesOfThePackage(4), WeirdTwinTest::trace)
        .assertReturned("Poll[question=lunch?, votes=4];witnessed 5;5000; Poll[question=lunch?, votes=5]");
  }

  @Test
  void unicodeIdentifiersAndEscapes() {
    Twins.check("größe", WeirdTwinTest::fresh, x -> Unicode.größe("weg", 5),
            x -> UnicodeAsync.größe("weg", 5), WeirdTwinTest::trace)
        .assertReturned("weg·10·11·été");
    Twins.check("zählen", () -> {
          Remote.take();
          return new Unicode();
        }, u -> u.zählen(4), u -> UnicodeAsync.zählen(u, 4), WeirdTwinTest::trace)
        .assertReturned(6);
  }

  @Test
  void deepNesting() {
    for (int n : new int[] {1, 2, 3, 4}) {
      Twins.check("nested " + n, WeirdTwinTest::fresh, x -> Deep.nested(n),
          x -> DeepAsync.nested(n), WeirdTwinTest::trace);
    }
  }

  @Test
  void boundedGenericMethods() {
    Twins.check("max", WeirdTwinTest::fresh,
            x -> Deep.max(List.of(Remote.later("b"), Remote.later("c"), Remote.later("a"))),
            x -> DeepAsync.max(List.of(Remote.later("b"), Remote.later("c"), Remote.later("a"))),
            WeirdTwinTest::trace)
        .assertReturned("c");
    Twins.check("enums", ArrayList<Object>::new, sink -> Deep.enums(Deep.Level.class, sink),
            sink -> DeepAsync.enums(Deep.Level.class, sink), sink -> List.copyOf(sink))
        .assertReturned("0LOW1MID2HIGH");
  }

  @Test
  void aVeryLongMethod() {
    for (int seed : new int[] {0, 1, 5, 22}) {
      Twins.check("long " + seed, WeirdTwinTest::fresh, x -> LongMethod.run(seed),
          x -> LongMethodAsync.run(seed), WeirdTwinTest::trace);
    }
  }
}
