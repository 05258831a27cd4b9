/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.sun.source.tree.Tree;
import dev.asyncfn.processor.analysis.BodyNames;
import dev.asyncfn.processor.analysis.EnclosingClasses;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * How a use of a member of the enclosing classes is written in the machine, another top-level
 * class: {@code count} becomes {@code self.count}, {@code MAX} becomes {@code Outer.MAX}, {@code
 * Inner} becomes {@code Outer.Inner}, {@code this} becomes {@code self}. Uses that validation
 * rejects (private members, outer instances, {@code super}) get no rewrite.
 */
final class MemberRewrites {
  private MemberRewrites() {}

  /** The rewrite of each member use of {@code names}, by tree. */
  static Map<Tree, String> of(
      BodyNames names, TypeElement owner, boolean instanceMethod, String self) {
    Map<Tree, String> out = new IdentityHashMap<>();
    for (BodyNames.MemberUse use : names.memberUses()) {
      switch (use.kind()) {
        case THIS:
          out.put(use.tree(), self);
          break;
        case TYPE:
          if (!use.member().getModifiers().contains(Modifier.PRIVATE)) {
            out.put(use.tree(), EnclosingClasses.nameInPackage((TypeElement) use.member()));
          }
          break;
        case FIELD_OR_METHOD:
          if (use.member().getModifiers().contains(Modifier.PRIVATE)) {
            break;
          }
          if (use.member().getModifiers().contains(Modifier.STATIC)) {
            out.put(use.tree(), EnclosingClasses.nameInPackage(use.foundIn()) + "." + use.text());
          } else if (use.foundIn().equals(owner) && instanceMethod) {
            out.put(use.tree(), self + "." + use.text());
          }
          break;
        default:
      }
    }
    return out;
  }
}
