/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.asyncfn.processor.analysis.TypeNames;
import dev.asyncfn.processor.model.AsyncMethod;
import dev.asyncfn.processor.model.CompletionProtocol;
import dev.asyncfn.processor.model.MachineModel;
import dev.asyncfn.processor.model.MachineNames;
import dev.asyncfn.processor.model.RuntimeApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/** Prints a lowered {@link MachineModel} as the state-machine class of one method. */
public final class MachineGenerator {
  private final SourceWriter writer;
  private final Signatures sig;
  private final Elements elements;

  public MachineGenerator(Filer filer, Elements elements, TypeNames types, Signatures sig) {
    this.writer = new SourceWriter(filer, types);
    this.sig = sig;
    this.elements = elements;
  }

  private TypeSpec.Builder skeleton(MachineSpec spec) {
    AsyncMethod m = spec.method();
    TypeSpec.Builder type = TypeSpec.classBuilder(spec.name()).addModifiers(Modifier.FINAL);
    sig.generated(m.owner).ifPresent(type::addAnnotation);
    type.addJavadoc(spec.javadoc())
        .addTypeVariables(sig.typeVariables(m))
        .addSuperinterface(spec.futureType())
        .addOriginatingElement(m.owner);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    if (spec.self() != null) {
      type.addField(sig.receiver(m), spec.self(), Modifier.PRIVATE, Modifier.FINAL);
      ctor.addParameter(sig.receiver(m), spec.self())
          .addStatement("this.$N = $N", spec.self(), spec.self());
    }
    for (MachineSpec.Param p : spec.params()) {
      type.addField(p.type(), p.name(), Modifier.PRIVATE);
      ctor.addParameter(p.type(), p.name()).addStatement("this.$N = $N", p.name(), p.name());
    }
    ctor.varargs(spec.varargs()).addAnnotations(spec.ctorAnnotations());
    type.addMethod(ctor.build());
    spec.suppressions().ifPresent(type::addAnnotation);
    return type;
  }

  /** The outside of the machine of {@code m}. */
  public MachineSpec spec(AsyncMethod m, String self) {
    return MachineSpec.of(m, self, sig);
  }

  /** The outside of the machine {@code name} of an async block at {@code line} of {@code m}. */
  public MachineSpec blockSpec(
      AsyncMethod m, String self, String name, long line, List<MachineModel.Field> captures) {
    return MachineSpec.ofBlock(m, self, name, line, captures, sig);
  }

  /** The full state machine. */
  public void generate(MachineSpec spec, MachineModel model, ImportPlan imports) {
    AsyncMethod m = spec.method();
    TypeSpec.Builder type = skeleton(spec);
    MachineNames names = model.names();
    type.addField(
        FieldSpec.builder(TypeName.INT, names.done(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", CompletionProtocol.DONE)
            .build());
    if (model.usesRethrow()) {
      type.addField(
          FieldSpec.builder(
                  TypeName.INT, names.rethrow(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("$L", CompletionProtocol.RETHROW)
              .addJavadoc("Completion of a finally block that rethrows.\n")
              .build());
    }
    for (MachineModel.Field f : model.fields()) {
      FieldSpec.Builder fb =
          FieldSpec.builder(
              // a type known only as source text is printed as that text
              f.type() != null ? TypeName.get(f.type()) : TypeVariableName.get(f.typeText()),
              f.name(),
              Modifier.PRIVATE);
      if (f.comment() != null) {
        fb.addJavadoc("$L\n", f.comment().replace("*/", "* /"));
      }
      type.addField(fb.build());
    }
    TypeName anyFuture =
        ParameterizedTypeName.get(Signatures.FUTURE, WildcardTypeName.subtypeOf(Object.class));
    type.addField(
        FieldSpec.builder(anyFuture, names.awaiting(), Modifier.PRIVATE)
            .addJavadoc("The future of the await the machine is suspended in.\n")
            .build());
    type.addField(TypeName.INT, names.state(), Modifier.PRIVATE);

    List<String> lines = new ArrayList<>();
    for (MachineModel.State st : model.states()) {
      lines.add(Integer.toString(st.line()));
    }
    String lineTable = names.lines();
    type.addField(
        FieldSpec.builder(int[].class, lineTable, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The source line each state resumes at, for task dumps and traces.\n")
            .initializer("{$L}", String.join(", ", lines))
            .build());
    // the line table is known once the file's text is final: SourceWriter appends sourceLines()
    type.addField(
        FieldSpec.builder(
                RuntimeApi.SOURCE_MAP, names.source(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "Where this machine's code comes from: failures and task dumps show the user's"
                    + " lines.\n")
            .initializer(
                "$T.of($L.class, $S, $S, $S, $N, $N())",
                RuntimeApi.SOURCE_MAP,
                spec.name(),
                // the user's class as its stack frames name it: shop.Orders$Item
                elements.getBinaryName(spec.owner()).toString(),
                m.method.getSimpleName().toString(),
                model.sourceFile(),
                lineTable,
                names.sourceLines())
            .build());
    type.addSuperinterface(RuntimeApi.MACHINE_FRAME);
    type.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addJavadoc("Where the machine is, e.g. {@code @Async Orders.total at line 41 (state 3)}.\n")
            .addStatement("return $N.describe($N)", names.source(), names.state())
            .build());
    TypeName anyFutureType =
        ParameterizedTypeName.get(Signatures.FUTURE, WildcardTypeName.subtypeOf(Object.class));
    type.addMethod(
        MethodSpec.methodBuilder("suspendedAt")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(StackTraceElement.class)
            .addStatement("return $N.suspendedAt($N)", names.source(), names.state())
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("awaited")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(anyFutureType)
            .addStatement("return $N", names.awaiting())
            .build());
    TypeName poll = ParameterizedTypeName.get(Signatures.POLL, spec.output());
    type.addMethod(pollMethod(m, model, poll));
    // members the body uses that another class may not: each through a handle and an accessor
    type.addFields(model.accessorHandles());
    type.addMethods(model.accessorMethods());
    if (!model.cancelPlan().isEmpty() || !model.handlers().isEmpty()) {
      type.addField(
          FieldSpec.builder(
                  TypeName.INT, names.cancel(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("$L", CompletionProtocol.CANCEL)
              .addJavadoc("Completion of a finally block run because the machine was cancelled.\n")
              .build());
      type.addField(
          FieldSpec.builder(TypeName.BOOLEAN, names.cancelling(), Modifier.PRIVATE)
              .addJavadoc(
                  "Set by cancel(): catches around the cancelled await are skipped and an await"
                      + " that is not\nready fails instead of suspending.\n")
              .build());
      type.addField(
          FieldSpec.builder(TypeName.INT, names.cancelledAt(), Modifier.PRIVATE)
              .addJavadoc("The state cancel() found the machine suspended in.\n")
              .build());
    }
    MethodSpec.Builder cancel =
        MethodSpec.methodBuilder("cancel")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addStatement("$T f = $N", anyFuture, names.awaiting())
            .addStatement("$N = null", names.awaiting());
    if (model.cancelPlan().isEmpty()) {
      cancel
          .addJavadoc(
              "Stops the machine and cancels the future it awaits; an exception from that"
                  + " future's\ncancel() is thrown after the machine is done.\n")
          .addStatement("$N = $N", names.state(), names.done())
          .beginControlFlow("if (f != null)")
          .addStatement("f.cancel()")
          .endControlFlow();
    } else {
      cancel
          .addJavadoc(
              "Cancels the future it awaits, then runs the finally blocks and resource closes"
                  + " around the\ncurrent await, innermost first, never a catch block of a try"
                  + " around that await.\n\n<p>An await inside such a finally block polls its"
                  + " future once: if it is ready the\nfinally block goes on; if not, that future is"
                  + " cancelled and the await throws\n{@code CancelledException}, which skips the rest of that"
                  + " finally block while the outer ones still\nrun. The machine is done"
                  + " afterwards, never left suspended.\n\n<p>A {@code CancelledException} out of"
                  + " the finally blocks is the cancellation itself and is\nnot thrown. Any other"
                  + " exception (from the awaited future's cancel(), a finally block or a\nclose) is"
                  + " thrown after every enclosing finally block ran; later ones are added to it as\n"
                  + "suppressed.\n")
          .addStatement("$T failure = null", Throwable.class)
          .beginControlFlow("if (f != null)")
          .beginControlFlow("try")
          .addStatement("f.cancel()")
          .nextControlFlow("catch ($T t)", Throwable.class)
          .addStatement("failure = t")
          .endControlFlow()
          .endControlFlow()
          .beginControlFlow("if ($N < 0)", names.state())
          .addStatement("$T.throwIfFailed(failure)", Signatures.MACHINES)
          .addStatement("return")
          .endControlFlow()
          .addStatement("$N = true", names.cancelling())
          .addStatement("$N = $N", names.cancelledAt(), names.state())
          .beginControlFlow("switch ($N)", names.state());
      CodeBlock.Builder plan = CodeBlock.builder();
      for (MachineModel.Handler h : model.cancelPlan()) {
        List<String> labels = new ArrayList<>();
        for (int st : h.states()) {
          labels.add("case " + st + ":");
        }
        plan.add("$L\n", String.join(" ", labels)).indent();
        plan.add(h.code());
        plan.addStatement("break").unindent();
      }
      plan.add("default:\n").indent();
      plan.addStatement("$N = $N", names.state(), names.done());
      plan.addStatement("$T.throwIfFailed(failure)", Signatures.MACHINES);
      plan.addStatement("return").unindent();
      cancel.addCode(plan.build()).endControlFlow();
      cancel
          .beginControlFlow("try")
          .addStatement("poll($T.noop())", Signatures.CONTEXT)
          .nextControlFlow("catch ($T t)", Throwable.class)
          .addStatement("failure = $T.cancelFailure(failure, t)", Signatures.MACHINES)
          .endControlFlow()
          .beginControlFlow("if ($N >= 0)", names.state())
          .addComment("a jump out of a finally block (continue, break) resumed the body: stop it")
          .addStatement("$T g = $N", anyFuture, names.awaiting())
          .addStatement("$N = null", names.awaiting())
          .addStatement("$N = $N", names.state(), names.done())
          .beginControlFlow("if (g != null)")
          .addStatement("g.cancel()")
          .endControlFlow()
          .endControlFlow()
          .addStatement("$T.throwIfFailed(failure)", Signatures.MACHINES);
    }
    type.addMethod(cancel.build());
    type.addMethod(
        MethodSpec.methodBuilder(names.complete())
            .addModifiers(Modifier.PRIVATE)
            .returns(poll)
            .addParameter(spec.completed(), "value")
            .addStatement("$N = $N", names.state(), names.done())
            .addStatement("return $T.ready(value)", Signatures.POLL)
            .build());
    writer.write(
        m.packageName, type.build(), imports, model.memberTypes(), names.sourceLines(), m.owner);
  }

  private MethodSpec pollMethod(AsyncMethod m, MachineModel model, TypeName poll) {
    MachineNames names = model.names();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add("$L:\n", names.loop());
    b.beginControlFlow("for (;;)");
    b.beginControlFlow("try");
    b.beginControlFlow("switch ($N)", names.state());
    for (MachineModel.State s : model.states()) {
      if (s.comment() != null) {
        b.add("// state $L: $L\n", s.number(), s.comment());
      }
      b.add("case $L: {\n", s.number()).indent();
      b.add(s.code());
      b.unindent().add("}\n");
    }
    b.add("default:\n").indent();
    b.addStatement(
        "throw $T.badState($S, $N)",
        Signatures.MACHINES,
        m.owner.getSimpleName() + "." + m.method.getSimpleName(),
        names.state());
    b.unindent();
    b.endControlFlow();
    b.nextControlFlow("catch ($T $N)", Throwable.class, names.failure());
    b.addStatement("$T.trace($N, $N, $N)", Signatures.MACHINES, names.failure(), names.source(), names.state());
    b.addStatement("$N = null", names.awaiting());
    if (!model.handlers().isEmpty()) {
      b.add("// exception table: where a failure in each state goes\n");
      b.beginControlFlow("switch ($N)", names.state());
      for (MachineModel.Handler h : model.handlers()) {
        List<String> labels = new ArrayList<>();
        for (int s : h.states()) {
          labels.add("case " + s + ":");
        }
        b.add("$L {\n", String.join(" ", labels)).indent();
        b.add(h.code());
        if (!h.jumps()) {
          b.addStatement("break");
        }
        b.unindent().add("}\n");
      }
      b.add("default:\n").indent().addStatement("break").unindent();
      b.endControlFlow();
    }
    b.addStatement("$N = $N", names.state(), names.done());
    b.addStatement("throw $T.rethrow($N)", Signatures.MACHINES, names.failure());
    b.endControlFlow();
    b.endControlFlow();
    return MethodSpec.methodBuilder("poll")
        .addAnnotation(Override.class)
        .addAnnotation(
            // falling through into the next state is how a ready await continues without a loop
            model.narrowingCasts()
                ? AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "{$S, $S, $S}", "cast", "fallthrough", "unchecked")
                    .build()
                : AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "{$S, $S}", "fallthrough", "unchecked")
                    .build())
        .addModifiers(Modifier.PUBLIC)
        .returns(poll)
        .addParameter(Signatures.CONTEXT, names.context())
        .addCode(b.build())
        .build();
  }

  /** A machine that only fails, generated when the method had errors, so that the companion compiles. */
  public void generateStub(AsyncMethod m, String self) {
    TypeSpec.Builder type = skeleton(MachineSpec.of(m, self, sig));
    TypeName poll = ParameterizedTypeName.get(Signatures.POLL, sig.output(m.method));
    type.addMethod(
        MethodSpec.methodBuilder("poll")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(poll)
            .addParameter(Signatures.CONTEXT, "cx")
            .addStatement(
                "throw new $T($S)",
                IllegalStateException.class,
                "@Async " + m.method.getSimpleName() + " had compile errors")
            .build());
    writer.write(
        m.packageName, type.build(), ImportPlan.none(m.packageName), List.of(), null, m.owner);
  }
}
