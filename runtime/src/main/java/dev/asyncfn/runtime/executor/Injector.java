package dev.asyncfn.runtime.executor;

import dev.asyncfn.runtime.task.Task;
import java.util.ArrayDeque;

/**
 * The global run queue for tasks scheduled from outside a worker (Tokio's inject queue). A lock
 * around an array deque: no allocation per task once grown. {@code size} is volatile so workers
 * can look without taking the lock.
 */
final class Injector {
  private final ArrayDeque<Task<?>> queue = new ArrayDeque<>(64);
  private volatile int size;

  void push(Task<?> task) {
    synchronized (this) {
      queue.addLast(task);
      size = queue.size();
    }
  }

  Task<?> pop() {
    if (size == 0) {
      return null;
    }
    synchronized (this) {
      Task<?> t = queue.pollFirst();
      size = queue.size();
      return t;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  synchronized void clear() {
    queue.clear();
    size = 0;
  }
}
