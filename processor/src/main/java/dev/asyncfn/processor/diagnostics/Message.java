/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.diagnostics;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports: a stable code, a kind and a template saying what is wrong
 * and then what to do. Rendered as {@code [asyncfn/Code] text}.
 */
public enum Message {
  AWAIT_IN_LAMBDA(
      "AwaitInLambda",
      Diagnostic.Kind.ERROR,
      "await(...) cannot be used inside a lambda: the lambda is a separate function. Make it return"
          + " an async block, x -> async(() -> ...await(f)...), move the await into the @Async"
          + " method, or make the lambda's work an @Async method."),
  AWAIT_IN_CLASS(
      "AwaitInClass",
      Diagnostic.Kind.ERROR,
      "await(...) cannot be used inside an anonymous or local class: its methods are separate"
          + " functions. Move the await into the @Async method, or make that method @Async."),
  AWAIT_IN_SYNCHRONIZED(
      "AwaitInSynchronized",
      Diagnostic.Kind.ERROR,
      "await(...) cannot be used inside a synchronized block: a monitor cannot be held across a"
          + " suspension. Use dev.asyncfn.runtime.sync.Mutex, or move the await out of the block."),
  AWAIT_EACH_OUTSIDE_FOR_EACH(
      "AwaitEachOutsideForEach",
      Diagnostic.Kind.ERROR,
      "awaitEach(...) in an @Async body is the header of a for-each loop, for (T x :"
          + " awaitEach(stream)), which awaits each element; anywhere else it would block the"
          + " task's thread. Loop over it, or await stream.next() yourself."),
  AWAIT_OUTSIDE_ASYNC(
      "AwaitOutsideAsync",
      Diagnostic.Kind.WARNING,
      "await(...) outside an @Async method blocks the calling thread (and throws on a runtime"
          + " worker). Mark the method @Async, or use Futures.blockOn(...) to say that blocking is"
          + " intended."),
  SUPER_CALL(
      "SuperCall",
      Diagnostic.Kind.ERROR,
      "'%s' cannot be used in an @Async method: an interface's default method cannot be called"
          + " non-virtually from the generated state machine. Call it from a helper method of %s"
          + " and call that helper instead."),
  PRIVATE_TYPE(
      "PrivateType",
      Diagnostic.Kind.ERROR,
      "class %s is private in %s, so the generated state machine (a separate class of the package)"
          + " cannot name it: Java has no way to name a private class from outside its nest. Make"
          + " it package-private; its private members stay reachable from the @Async body."),
  OUTER_INSTANCE(
      "OuterInstance",
      Diagnostic.Kind.ERROR,
      "%s belongs to the enclosing instance of inner class %s, which the generated state machine"
          + " cannot reach. Make %s a static nested class, or pass the value as a parameter."),
  INACCESSIBLE_CLASS(
      "InaccessibleClass",
      Diagnostic.Kind.ERROR,
      "@Async methods of %s cannot be generated: the class is private (or nested in a private"
          + " class), so the generated companion cannot name it. Make it package-private."),
  GENERATED_NAME_TAKEN(
      "GeneratedNameTaken",
      Diagnostic.Kind.ERROR,
      "asyncfn generates %s for the @Async methods of %s, but a type of that name already exists in"
          + " package %s. Rename that type (or this class)."),
  BODY_DOES_NOT_COMPILE(
      "BodyDoesNotCompile",
      Diagnostic.Kind.NOTE,
      "the state machine of %s is not generated while its body does not compile (%s): javac"
          + " reports the error in this file. Fix it, and the machine is generated again."),
  UNSUPPORTED_METHOD(
      "UnsupportedMethod",
      Diagnostic.Kind.ERROR,
      "@Async cannot be used on %s: it needs a method body to turn into a state machine. Remove"
          + " @Async, or give the method a body in a class."),
  UNKNOWN_TYPE(
      "UnknownType",
      Diagnostic.Kind.ERROR,
      "the type of '%s' cannot be determined, so the generated state machine cannot hold it across"
          + " an await. Give it an explicit type that compiles, or fix the errors reported for it."),
  VAR_NOT_TYPED_BY_JAVAC(
      "VarNotTypedByJavac",
      Diagnostic.Kind.ERROR,
      "the type of 'var %s' cannot be determined: this javac cannot type the method's body before"
          + " compiling it (JDK-8347989, fixed in JDK 25), because of a ?: earlier on whose branch"
          + " calls an instance method by its simple name. Give %s an explicit type, or write that"
          + " call as this.method(...)."),
  BLOCK_NOT_TYPED_BY_JAVAC(
      "BlockNotTypedByJavac",
      Diagnostic.Kind.ERROR,
      "javac cannot type this async block before compiling it (JDK-8347989, fixed in JDK 25), so"
          + " whether its body '%s' has a value is unknown. Write it with braces: async(() -> {"
          + " %s; }) for a block without a value, or async(() -> { return %s; })."),
  UNSUPPORTED_CONSTRUCT(
      "UnsupportedConstruct",
      Diagnostic.Kind.ERROR,
      "%s around an await is not supported by asyncfn yet. Move the await into its own statement"
          + " before it, or restructure the code."),
  BLOCKING_CALL(
      "BlockingCall",
      Diagnostic.Kind.WARNING,
      "%s blocks the thread that polls this @Async method, stalling every task on it. %s"),
  INTERNAL_ERROR(
      "InternalError",
      Diagnostic.Kind.ERROR,
      "generating the state machine of %s failed: this is a bug in asyncfn, please report it with"
          + " this trace.\n%s");

  private final String code;
  private final Diagnostic.Kind kind;
  private final String template;

  Message(String code, Diagnostic.Kind kind, String template) {
    this.code = code;
    this.kind = kind;
    this.template = template;
  }

  /** The stable code, e.g. {@code AwaitInLambda}. */
  public String code() {
    return code;
  }

  /** Error or warning. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The rendered text, {@code [asyncfn/Code] ...}. */
  public String format(Object... args) {
    return "[asyncfn/" + code + "] " + String.format(template, args);
  }
}
