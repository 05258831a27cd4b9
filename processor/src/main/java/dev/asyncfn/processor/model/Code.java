package dev.asyncfn.processor.model;

/**
 * Markers inside lowered code strings, replaced by codegen: runtime types (so that JavaPoet imports
 * them) are written {@code \uE000Name\uE001}.
 */
public final class Code {
  private Code() {}

  public static final char OPEN = '\uE000';
  public static final char CLOSE = '\uE001';

  public static final String POLL = type("dev.asyncfn.runtime.Poll");
  public static final String FUTURE = type("dev.asyncfn.runtime.Future");
  public static final String FUTURES = type("dev.asyncfn.runtime.Futures");
  public static final String WITNESS = type("dev.asyncfn.runtime.support.Witness");
  public static final String MACHINES = type("dev.asyncfn.runtime.support.Machines");
  public static final String ITERATOR = type("java.util.Iterator");

  /** A marker for the type {@code qualifiedName}. */
  public static String type(String qualifiedName) {
    return OPEN + qualifiedName + CLOSE;
  }
}
