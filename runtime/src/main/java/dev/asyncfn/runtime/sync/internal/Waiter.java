package dev.asyncfn.runtime.sync.internal;

/**
 * A node of a {@link WaiterList}: extended by the waiting future itself, so that waiting allocates
 * no separate node (Tokio's intrusive linked lists).
 *
 * <p>The links belong to the list and are guarded by the lock of the primitive that owns it.
 */
public abstract class Waiter {
  Waiter prev;
  Waiter next;
  boolean linked;

  /** For subclasses: the futures that wait. */
  protected Waiter() {}

  /** Whether this node is in a list. Read under the owning primitive's lock. */
  public final boolean isLinked() {
    return linked;
  }
}
