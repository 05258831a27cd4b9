package dev.asyncfn.processor.transform;

import com.sun.source.tree.Tree;

/** A construct the lowering cannot keep exact: reported as a positioned error. */
public final class Unsupported extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public final transient Tree tree;
  public final String what;
  public final boolean unknownType;

  public Unsupported(Tree tree, String what, boolean unknownType) {
    super(what, null, false, false);
    this.tree = tree;
    this.what = what;
    this.unknownType = unknownType;
  }
}
