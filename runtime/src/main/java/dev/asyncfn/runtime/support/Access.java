/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * How a generated state machine reaches the members its {@code @Async} body may use but another
 * class may not: private fields, methods and constructors of the class and of its nest, protected
 * members inherited from a superclass in another package, and {@code super} calls. For generated
 * code only.
 *
 * <p>The machine is a separate top-level class in the same package and module, so it can obtain
 * a private lookup on the class ({@link MethodHandles#privateLookupIn}) from its own {@code
 * MethodHandles.lookup()}, which it passes here. Each handle is kept in a {@code static final}
 * field of the machine and used through one named accessor per member; the JIT folds a constant
 * handle to the plain field access or call.
 *
 * <p>A member that cannot be looked up (the class changed since it was compiled) fails the
 * machine's class initialisation with a {@link LinkageError} naming it.
 *
 * <p>Thread safety: stateless.
 */
public final class Access {
  private Access() {}

  /** The private lookup on {@code target} for the machine whose own lookup is {@code machine}. */
  private static MethodHandles.Lookup in(MethodHandles.Lookup machine, Class<?> target) {
    try {
      return MethodHandles.privateLookupIn(target, machine);
    } catch (IllegalAccessException e) {
      throw linkage("a private lookup on " + target.getName(), e);
    }
  }

  /** The instance field {@code declaring.name} of type {@code type}, as seen from {@code target}. */
  public static VarHandle field(
      MethodHandles.Lookup machine,
      Class<?> target,
      Class<?> declaring,
      String name,
      Class<?> type) {
    try {
      return in(machine, target).findVarHandle(declaring, name, type);
    } catch (ReflectiveOperationException e) {
      throw linkage("field " + declaring.getName() + "." + name, e);
    }
  }

  /** The static field {@code declaring.name} of type {@code type}, as seen from {@code target}. */
  public static VarHandle staticField(
      MethodHandles.Lookup machine,
      Class<?> target,
      Class<?> declaring,
      String name,
      Class<?> type) {
    try {
      return in(machine, target).findStaticVarHandle(declaring, name, type);
    } catch (ReflectiveOperationException e) {
      throw linkage("field " + declaring.getName() + "." + name, e);
    }
  }

  /** The instance method {@code declaring.name}, called virtually as {@code target} may. */
  public static MethodHandle method(
      MethodHandles.Lookup machine,
      Class<?> target,
      Class<?> declaring,
      String name,
      MethodType type) {
    try {
      return in(machine, target).findVirtual(declaring, name, type);
    } catch (ReflectiveOperationException e) {
      throw linkage("method " + declaring.getName() + "." + name + type, e);
    }
  }

  /** The static method {@code declaring.name}, as {@code target} may call it. */
  public static MethodHandle staticMethod(
      MethodHandles.Lookup machine,
      Class<?> target,
      Class<?> declaring,
      String name,
      MethodType type) {
    try {
      return in(machine, target).findStatic(declaring, name, type);
    } catch (ReflectiveOperationException e) {
      throw linkage("method " + declaring.getName() + "." + name + type, e);
    }
  }

  /**
   * The method {@code declaring.name} called non-virtually on behalf of {@code target}: what
   * {@code super.name(...)} in {@code target} calls.
   */
  public static MethodHandle superMethod(
      MethodHandles.Lookup machine,
      Class<?> target,
      Class<?> declaring,
      String name,
      MethodType type) {
    try {
      return in(machine, target).findSpecial(declaring, name, type, target);
    } catch (ReflectiveOperationException e) {
      throw linkage("super method " + declaring.getName() + "." + name + type, e);
    }
  }

  /** The constructor of {@code declaring} with these parameter types, as {@code target} may call. */
  public static MethodHandle constructor(
      MethodHandles.Lookup machine, Class<?> target, Class<?> declaring, MethodType type) {
    try {
      return in(machine, target).findConstructor(declaring, type);
    } catch (ReflectiveOperationException e) {
      throw linkage("constructor " + declaring.getName() + type, e);
    }
  }

  private static LinkageError linkage(String what, Throwable cause) {
    return new LinkageError(
        "the generated state machine cannot reach " + what
            + ": the class changed since the machine was generated; recompile both",
        cause);
  }
}
