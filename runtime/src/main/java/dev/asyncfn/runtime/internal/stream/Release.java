/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.internal.stream;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.util.Collection;

/**
 * Closing and cancelling several things where one failure must not stop the others: the first
 * failure is rethrown at the end with later ones suppressed in it, as the future combinators do.
 */
final class Release {
  private Throwable failure;

  /** Closes {@code s} if not null, recording a failure. */
  Release close(AsyncStream<?> s) {
    if (s != null) {
      try {
        s.close();
      } catch (Throwable t) {
        record(t);
      }
    }
    return this;
  }

  /** Cancels {@code f} if not null, recording a failure. */
  Release cancel(Future<?> f) {
    if (f != null) {
      try {
        f.cancel();
      } catch (Throwable t) {
        record(t);
      }
    }
    return this;
  }

  /** Cancels every non-null future of {@code fs}. */
  Release cancelAll(Collection<? extends Future<?>> fs) {
    for (Future<?> f : fs) {
      cancel(f);
    }
    return this;
  }

  private void record(Throwable t) {
    if (failure == null) {
      failure = t;
    } else if (failure != t) {
      failure.addSuppressed(t);
    }
  }

  /** Rethrows the first failure, unchanged, if any. */
  void done() {
    if (failure != null) {
      throw dev.asyncfn.runtime.internal.Sneaky.raise(failure);
    }
  }
}
