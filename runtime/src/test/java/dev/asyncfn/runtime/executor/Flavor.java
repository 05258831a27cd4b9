package dev.asyncfn.runtime.executor;

import dev.asyncfn.runtime.Runtime;

/** The two runtime flavours, for parameterised tests. */
public enum Flavor {
  CURRENT_THREAD,
  MULTI_THREAD;

  /** A fresh runtime of this flavour (two workers for the multi-thread one). */
  public Runtime build() {
    Runtime.Builder b = Runtime.builder().threadNamePrefix("test-" + name().toLowerCase());
    return (this == CURRENT_THREAD ? b.currentThread() : b.multiThread().workerThreads(2)).build();
  }
}
