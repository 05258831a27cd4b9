package dev.asyncfn.processor.analysis;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What every simple name of an {@code @Async} body means, resolved without attribution by {@link
 * NameResolver}: the local it reads, the member of an enclosing class (or static import), or a
 * type; which names a lambda or local class captures; every name in use; and each use of a member
 * of the enclosing classes, which validation checks and the lowering qualifies. Immutable.
 */
public final class BodyNames {
  /**
   * A use of a member of the enclosing classes (or of {@code this}) in the body.
   *
   * @param tree the identifier or member select
   * @param kind what is used
   * @param member the field, method or type used (null for {@code this} and {@code super})
   * @param foundIn the enclosing class whose member it is (null for {@code super})
   * @param text the name as written, e.g. {@code count}, {@code Outer.this}, {@code super.size}
   */
  public record MemberUse(Tree tree, Kind kind, Element member, TypeElement foundIn, String text) {}

  /** The kinds of member use. */
  public enum Kind {
    /** A field or method by its simple name. */
    FIELD_OR_METHOD,
    /** A member type by its simple name. */
    TYPE,
    /** {@code this}, or {@code Outer.this} naming the class the method is in. */
    THIS,
    /** {@code Outer.this} of another enclosing class. */
    OUTER_THIS,
    /** {@code super.m()}, {@code super.f} or {@code X.super.m()}. */
    SUPER
  }

  private final Map<IdentifierTree, VariableTree> locals;
  private final Map<IdentifierTree, Element> members;
  private final Set<IdentifierTree> typeNames;
  private final Set<IdentifierTree> captured;
  private final Set<String> inUse;
  private final List<MemberUse> memberUses;

  BodyNames(
      Map<IdentifierTree, VariableTree> locals,
      Map<IdentifierTree, Element> members,
      Set<IdentifierTree> typeNames,
      Set<IdentifierTree> captured,
      Set<String> inUse,
      List<MemberUse> memberUses) {
    this.locals = Collections.unmodifiableMap(new IdentityHashMap<>(locals));
    this.members = Collections.unmodifiableMap(new IdentityHashMap<>(members));
    this.typeNames = identitySet(typeNames);
    this.captured = identitySet(captured);
    this.inUse = Set.copyOf(inUse);
    this.memberUses = List.copyOf(memberUses);
  }

  private static <T> Set<T> identitySet(Set<T> from) {
    Set<T> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(from);
    return Collections.unmodifiableSet(s);
  }

  /** The declaration of the local or parameter {@code id} reads, or null. */
  public VariableTree local(Tree id) {
    return locals.get(id);
  }

  /** Whether {@code id} reads a local or parameter. */
  public boolean isLocal(Tree id) {
    return locals.containsKey(id);
  }

  /** The field or method of an enclosing class (or static import) {@code id} names, or null. */
  public Element member(Tree id) {
    return members.get(id);
  }

  /** Whether {@code id} names a member (not a local, a type or a package). */
  public boolean isMember(Tree id) {
    return members.containsKey(id);
  }

  /** Whether {@code id} names a type or a package, not a value. */
  public boolean isTypeName(Tree id) {
    return typeNames.contains(id);
  }

  /** Whether {@code id}, a local, is read inside a lambda or a class body of the method. */
  public boolean isCaptured(Tree id) {
    return captured.contains(id);
  }

  /** Every simple name written in the body: generated names avoid them. */
  public Set<String> inUse() {
    return inUse;
  }

  /** Every use of a member of the enclosing classes, in source order. */
  public List<MemberUse> memberUses() {
    return memberUses;
  }
}
