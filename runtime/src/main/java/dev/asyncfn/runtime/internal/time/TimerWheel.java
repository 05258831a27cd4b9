/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.time;

import java.util.List;

/**
 * A hierarchical hashed timer wheel, Tokio's design: 6 levels of 64 slots; a slot of level l spans
 * 64^l ticks, so the wheel covers 64^6 ticks (about 2.2 years of 1 ms ticks) and anything further
 * waits in the top level and is re-inserted when its slot comes round.
 *
 * <p>An entry due at tick {@code when} sits at the level of the highest 6-bit digit in which {@code
 * when} differs from {@code elapsed}, in the slot given by that digit of {@code when}. Insert and
 * remove are O(1) (intrusive doubly linked slot lists); finding the next slot to process is one
 * rotate and one trailing-zero count per level. When a slot of level l > 0 comes due, its entries
 * cascade to lower levels (the time is now close enough to place them finer); entries of level 0
 * fire.
 *
 * <p>Invariants: {@code occupied[l]} has bit s set iff {@code heads[l][s]} is non-null; no entry is
 * in the slot that contains {@code elapsed} at a level above 0; {@link #nextExpiration()} is never
 * later than the earliest {@code when}. Not thread-safe: the {@link TimeDriver} lock guards it.
 */
final class TimerWheel {
  static final int LEVELS = 6;
  private static final int BITS = 6;
  private static final int SLOTS = 1 << BITS;
  private static final long MAX_TICKS = 1L << (LEVELS * BITS);

  private final TimerEntry[][] heads = new TimerEntry[LEVELS][SLOTS];
  private final long[] occupied = new long[LEVELS];
  private long elapsed;
  private int size;
  private int nextLevel;
  private int nextSlot;

  long elapsed() {
    return elapsed;
  }

  int size() {
    return size;
  }

  /** Adds {@code e}; false (and not added) when it is already due: {@code when <= elapsed}. */
  boolean insert(TimerEntry e) {
    if (e.when <= elapsed) {
      return false;
    }
    int level = levelFor(elapsed, e.when);
    int slot = (int) ((e.when >>> (level * BITS)) & (SLOTS - 1));
    TimerEntry head = heads[level][slot];
    e.prev = null;
    e.next = head;
    if (head != null) {
      head.prev = e;
    }
    heads[level][slot] = e;
    occupied[level] |= 1L << slot;
    e.level = level;
    e.slot = slot;
    size++;
    return true;
  }

  /** Removes {@code e} if it is in the wheel. */
  void remove(TimerEntry e) {
    int level = e.level;
    if (level < 0) {
      return;
    }
    int slot = e.slot;
    if (e.prev != null) {
      e.prev.next = e.next;
    } else {
      heads[level][slot] = e.next;
      if (e.next == null) {
        occupied[level] &= ~(1L << slot);
      }
    }
    if (e.next != null) {
      e.next.prev = e.prev;
    }
    e.prev = null;
    e.next = null;
    e.level = -1;
    size--;
  }

  /**
   * The tick at which the next occupied slot must be processed (a firing or a cascade), or
   * {@code Long.MAX_VALUE} when the wheel is empty. Remembers which slot for {@link #advance}.
   */
  long nextExpiration() {
    for (int level = 0; level < LEVELS; level++) {
      long occ = occupied[level];
      if (occ == 0) {
        continue;
      }
      int shift = level * BITS;
      long slotRange = 1L << shift;
      long levelRange = slotRange << BITS;
      int nowSlot = (int) ((elapsed >>> shift) & (SLOTS - 1));
      int slot = firstFrom(occ, nowSlot);
      if (level > 0 && slot == nowSlot && occ != 1L << slot) {
        // Only far entries (clamped into the top level) sit in the current slot; they are due a
        // whole round later, so any other occupied slot comes first.
        slot = firstFrom(occ & ~(1L << slot), nowSlot);
      }
      long deadline = (elapsed & ~(levelRange - 1)) + slot * slotRange;
      if (deadline <= elapsed && level > 0) {
        deadline += levelRange; // a top-level slot of a later round (far deadlines)
      }
      nextLevel = level;
      nextSlot = slot;
      return deadline;
    }
    return Long.MAX_VALUE;
  }

  /** Moves the wheel to tick {@code now}, adding every entry that is due to {@code due}. */
  void advance(long now, List<TimerEntry> due) {
    for (;;) {
      long expiration = nextExpiration();
      if (expiration > now) {
        break;
      }
      int level = nextLevel;
      int slot = nextSlot;
      TimerEntry e = heads[level][slot];
      heads[level][slot] = null;
      occupied[level] &= ~(1L << slot);
      if (expiration > elapsed) {
        elapsed = expiration;
      }
      while (e != null) {
        TimerEntry next = e.next;
        e.prev = null;
        e.next = null;
        e.level = -1;
        size--;
        if (!insert(e)) {
          due.add(e);
        }
        e = next;
      }
    }
    if (now > elapsed) {
      elapsed = now;
    }
  }

  /** Empties the wheel. */
  void clear() {
    for (int level = 0; level < LEVELS; level++) {
      for (int slot = 0; slot < SLOTS; slot++) {
        for (TimerEntry e = heads[level][slot]; e != null; ) {
          TimerEntry next = e.next;
          e.prev = null;
          e.next = null;
          e.level = -1;
          e = next;
        }
        heads[level][slot] = null;
      }
      occupied[level] = 0;
    }
    size = 0;
  }

  /** The first set bit of {@code occ} at or after {@code from}, wrapping around. */
  private static int firstFrom(long occ, int from) {
    return (Long.numberOfTrailingZeros(Long.rotateRight(occ, from)) + from) & (SLOTS - 1);
  }

  private static int levelFor(long elapsed, long when) {
    long masked = (elapsed ^ when) | (SLOTS - 1);
    if (masked >= MAX_TICKS) {
      masked = MAX_TICKS - 1;
    }
    int significant = 63 - Long.numberOfLeadingZeros(masked);
    return significant / BITS;
  }
}
