package dev.asyncfn.runtime.time;

import java.util.Arrays;

/**
 * A binary min-heap of timers by deadline, each entry knowing its index so that cancelling a sleep
 * removes it in O(log n). Not thread-safe: the {@link TimeDriver} lock guards it.
 */
final class TimerHeap {
  private TimerEntry[] heap = new TimerEntry[16];
  private int size;

  int size() {
    return size;
  }

  TimerEntry peek() {
    return size == 0 ? null : heap[0];
  }

  void add(TimerEntry e) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = e;
    e.index = size;
    siftUp(size++);
  }

  /** Removes {@code e} if it is in the heap. */
  void remove(TimerEntry e) {
    int i = e.index;
    if (i < 0 || i >= size || heap[i] != e) {
      return;
    }
    e.index = -1;
    TimerEntry last = heap[--size];
    heap[size] = null;
    if (i == size) {
      return;
    }
    heap[i] = last;
    last.index = i;
    siftDown(i);
    if (heap[i] == last) {
      siftUp(i);
    }
  }

  TimerEntry poll() {
    TimerEntry top = peek();
    if (top != null) {
      remove(top);
    }
    return top;
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].index = -1;
      heap[i] = null;
    }
    size = 0;
  }

  private void siftUp(int i) {
    TimerEntry e = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      TimerEntry p = heap[parent];
      if (p.deadline - e.deadline <= 0) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = e;
    e.index = i;
  }

  private void siftDown(int i) {
    TimerEntry e = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && heap[right].deadline - heap[child].deadline < 0) {
        child = right;
      }
      TimerEntry c = heap[child];
      if (e.deadline - c.deadline <= 0) {
        break;
      }
      heap[i] = c;
      c.index = i;
      i = child;
    }
    heap[i] = e;
    e.index = i;
  }
}
