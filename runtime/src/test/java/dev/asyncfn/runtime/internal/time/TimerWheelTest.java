/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wheel against a plain model: same entries fire, none early, none late, at every step. */
class TimerWheelTest {

  @Test
  void matchesAModelOnRandomOperationsAtEveryScale() {
    for (long seed = 1; seed <= 40; seed++) {
      run(new Random(seed), 1L << (6 * (int) (seed % 7)));
    }
  }

  private static void run(Random rnd, long scale) {
    TimerWheel wheel = new TimerWheel();
    Set<TimerEntry> live = new HashSet<>();
    long now = 0;
    List<TimerEntry> due = new ArrayList<>();
    for (int step = 0; step < 3_000; step++) {
      int op = rnd.nextInt(10);
      if (op < 5) {
        long when = now + 1 + (long) (rnd.nextDouble() * scale * 64);
        TimerEntry e = new TimerEntry(when, null);
        assertTrue(wheel.insert(e));
        live.add(e);
      } else if (op < 7 && !live.isEmpty()) {
        TimerEntry victim = live.iterator().next();
        wheel.remove(victim);
        live.remove(victim);
        wheel.remove(victim); // idempotent
      } else {
        long earliest = live.stream().mapToLong(x -> x.when).min().orElse(Long.MAX_VALUE);
        long next = wheel.nextExpiration();
        assertTrue(next <= earliest, "next expiration " + next + " after earliest " + earliest);
        long target = rnd.nextBoolean() && next != Long.MAX_VALUE
            ? next
            : now + (long) (rnd.nextDouble() * scale * 4);
        now = Math.max(now, target);
        due.clear();
        wheel.advance(now, due);
        for (TimerEntry e : due) {
          assertTrue(e.when <= now, "fired early");
          assertTrue(live.remove(e), "fired twice or after removal");
        }
        for (TimerEntry e : live) {
          assertTrue(e.when > now, "not fired although due: " + e.when + " <= " + now);
        }
      }
      assertEquals(live.size(), wheel.size());
    }
  }

  @Test
  void farDeadlinesCascadeDownAndFireOnTime() {
    TimerWheel wheel = new TimerWheel();
    long far = (1L << 40) + 12345; // beyond the wheel's span: parked in the top level
    TimerEntry e = new TimerEntry(far, null);
    TimerEntry near = new TimerEntry(1L << 31, null);
    assertTrue(wheel.insert(e));
    assertTrue(wheel.insert(near));
    List<TimerEntry> due = new ArrayList<>();
    int hops = 0;
    while (wheel.size() > 0 && hops++ < 10_000) {
      long next = wheel.nextExpiration();
      assertTrue(next <= (wheel.size() == 2 ? near.when : far));
      wheel.advance(next, due);
    }
    assertEquals(List.of(near, e), due);
    assertEquals(far, wheel.elapsed());
    assertFalse(wheel.insert(new TimerEntry(far, null)), "due entries are refused");
  }
}
