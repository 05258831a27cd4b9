package dev.asyncfn.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles sources through the processor (compile-testing) and loads the result. */
final class Compiled {
  final Compilation compilation;
  private final ClassLoader loader;

  private Compiled(Compilation compilation) {
    this.compilation = compilation;
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : compilation.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String name = f.toUri().getPath();
        name = name.substring(name.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
        name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        try (InputStream in = f.openInputStream()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          in.transferTo(out);
          classes.put(name, out.toByteArray());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    this.loader =
        new ClassLoader(Compiled.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
          }
        };
  }

  static Compilation compileOnly(String name, String source) {
    return Compiler.javac()
        .withProcessors(new AsyncProcessor())
        .withOptions("-Xlint:-options")
        .compile(JavaFileObjects.forSourceString(name, source));
  }

  /** Compiles and asserts success, printing the generated sources when it fails. */
  static Compiled of(String name, String source) {
    Compilation c = compileOnly(name, source);
    if (c.status() != Compilation.Status.SUCCESS) {
      StringBuilder sb = new StringBuilder("compilation failed:\n");
      for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
        sb.append(d).append('\n');
      }
      for (JavaFileObject f : c.generatedSourceFiles()) {
        sb.append("---- ").append(f.getName()).append('\n').append(text(f));
      }
      throw new AssertionError(sb.toString());
    }
    return new Compiled(c);
  }

  static String text(JavaFileObject f) {
    try {
      return f.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String source(String simpleName) {
    Optional<JavaFileObject> f =
        compilation.generatedSourceFiles().stream()
            .filter(x -> x.getName().endsWith("/" + simpleName + ".java"))
            .findFirst();
    return text(f.orElseThrow(() -> new AssertionError("no generated " + simpleName + " in "
        + compilation.generatedSourceFiles().stream().map(JavaFileObject::getName).collect(Collectors.toList()))));
  }

  Class<?> load(String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls the static method {@code cls.name(args)} (first method of that name and arity). */
  Object call(String cls, String name, Object... args) throws Throwable {
    Class<?> c = load(cls);
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        m.setAccessible(true);
        try {
          return m.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError("no method " + cls + "." + name);
  }

  /** Polls {@code f} until ready (bounded), counting polls; each pending must have woken. */
  static Object drive(Future<?> f) {
    int[] wakes = {0};
    Context cx = Context.of(() -> wakes[0]++);
    for (int i = 0; i < 100_000; i++) {
      int before = wakes[0];
      Poll<?> p = f.poll(cx);
      if (p.isReady()) {
        return p.get();
      }
      assertWithMessage("a pending poll must have arranged a wake").that(wakes[0]).isGreaterThan(before);
    }
    throw new AssertionError("future never completed");
  }

  static String outcome(ThrowingSupplier s) {
    try {
      return "value " + s.get();
    } catch (Throwable t) {
      return "throws " + t;
    }
  }

  interface ThrowingSupplier {
    Object get() throws Throwable;
  }

  /**
   * The oracle: runs {@code cls.name(args)} synchronously and {@code clsAsync.name(args)} as a
   * future (pending-first and ready), and returns the three outcomes with their traces.
   */
  List<String> oracle(String cls, String name, Object... args) {
    String companion = companionName(cls);
    Later.pendingFirst = true;
    Later.TRACE.clear();
    String sync = outcome(() -> call(cls, name, args)) + " trace " + Later.TRACE;
    Later.TRACE.clear();
    String pending =
        outcome(() -> drive((Future<?>) call(companion, name, receiverFirst(cls, args))))
            + " trace "
            + Later.TRACE;
    Later.pendingFirst = false;
    Later.TRACE.clear();
    String ready =
        outcome(() -> drive((Future<?>) call(companion, name, receiverFirst(cls, args))))
            + " trace "
            + Later.TRACE;
    Later.pendingFirst = true;
    return List.of(sync, pending, ready);
  }

  private Object[] receiverFirst(String cls, Object[] args) {
    return args;
  }

  static String companionName(String cls) {
    int dot = cls.lastIndexOf('.');
    return cls.substring(0, dot + 1) + cls.substring(dot + 1).replace('$', '_') + "Async";
  }
}
