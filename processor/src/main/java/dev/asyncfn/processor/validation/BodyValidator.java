package dev.asyncfn.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.asyncfn.processor.analysis.Awaits;
import dev.asyncfn.processor.analysis.Names;
import dev.asyncfn.processor.diagnostics.Message;
import dev.asyncfn.processor.diagnostics.Reporter;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Checks an {@code @Async} body before lowering: where awaits are (not in lambdas, class bodies or
 * synchronized blocks), which members the generated class cannot reach, and known blocking calls.
 * Returns whether the body is valid; every problem is reported at its tree.
 */
public final class BodyValidator {
  private final Reporter reporter;

  public BodyValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  public boolean validate(
      MethodTree method,
      CompilationUnitTree unit,
      Awaits awaits,
      Names names,
      TypeElement owner,
      String packageName,
      Set<String> asyncMethodNames) {
    boolean[] ok = {true};
    new TreeScanner<Void, String>() {
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, String where) {
        return super.visitLambdaExpression(node, "lambda");
      }

      @Override
      public Void visitClass(ClassTree node, String where) {
        return super.visitClass(node, "class");
      }

      @Override
      public Void visitNewClass(NewClassTree node, String where) {
        scan(node.getEnclosingExpression(), where);
        scan(node.getArguments(), where);
        scan(node.getClassBody(), "class");
        return null;
      }

      @Override
      public Void visitSynchronized(SynchronizedTree node, String where) {
        scan(node.getExpression(), where);
        return scan(node.getBlock(), where == null ? "synchronized" : where);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, String where) {
        if (awaits.isAwait(node)) {
          if ("lambda".equals(where)) {
            reporter.at(node, unit, Message.AWAIT_IN_LAMBDA);
            ok[0] = false;
          } else if ("class".equals(where)) {
            reporter.at(node, unit, Message.AWAIT_IN_CLASS);
            ok[0] = false;
          } else if ("synchronized".equals(where)) {
            reporter.at(node, unit, Message.AWAIT_IN_SYNCHRONIZED);
            ok[0] = false;
          }
        } else if (where == null) {
          checkBlocking(node, unit, asyncMethodNames, names);
        }
        return super.visitMethodInvocation(node, where);
      }
    }.scan(method.getBody(), null);

    for (Names.Issue issue : names.issues) {
      ok[0] = false;
      switch (issue.problem) {
        case SUPER:
          reporter.at(issue.tree, unit, Message.SUPER_CALL, issue.what, owner.getSimpleName());
          break;
        case PRIVATE:
          reporter.at(issue.tree, unit, Message.PRIVATE_MEMBER, issue.what, packageName);
          break;
        case OUTER_INSTANCE:
          reporter.at(
              issue.tree,
              unit,
              Message.OUTER_INSTANCE,
              "'" + issue.what + "'",
              owner.getSimpleName(),
              owner.getSimpleName());
          break;
        default:
          throw new AssertionError(issue.problem);
      }
    }
    return ok[0];
  }

  private void checkBlocking(
      MethodInvocationTree call,
      CompilationUnitTree unit,
      Set<String> asyncMethodNames,
      Names names) {
    ExpressionTree select = call.getMethodSelect();
    String name;
    String qualifier = null;
    if (select instanceof MemberSelectTree) {
      name = ((MemberSelectTree) select).getIdentifier().toString();
      qualifier = ((MemberSelectTree) select).getExpression().toString();
    } else if (select instanceof IdentifierTree) {
      name = ((IdentifierTree) select).getName().toString();
    } else {
      return;
    }
    if (name.equals("sleep") && "Thread".equals(qualifier)) {
      reporter.at(call, unit, Message.BLOCKING_CALL, "Thread.sleep(...)",
          "Await a timer future instead.");
    } else if (name.equals("blockOn")
        && (qualifier == null || qualifier.endsWith("Futures"))) {
      reporter.at(call, unit, Message.BLOCKING_CALL, "Futures.blockOn(...)",
          "Use await(...) inside an @Async method.");
    } else if ((name.equals("join") && call.getArguments().isEmpty() && qualifier != null
            && looksLikeFuture(select, qualifier, names))
        || (name.equals("get") && (call.getArguments().isEmpty() || call.getArguments().size() == 2)
            && qualifier != null && looksLikeFuture(select, qualifier, names))) {
      reporter.at(call, unit, Message.BLOCKING_CALL, qualifier + "." + name + "(...)",
          "Use await(" + qualifier + ") instead: it accepts any CompletionStage.");
    } else if (qualifier == null && asyncMethodNames.contains(name)) {
      reporter.at(call, unit, Message.BLOCKING_CALL,
          "calling @Async " + name + "(...) directly (its synchronous twin)",
          "Await its future instead: await(<Class>Async." + name + "(...)).");
    }
  }

  /**
   * Whether the receiver of {@code get()}/{@code join()} is a java.util.concurrent future, judged
   * without attribution: its declared type (for a local or parameter) or its own text names one.
   */
  private static boolean looksLikeFuture(ExpressionTree select, String qualifier, Names names) {
    ExpressionTree receiver = ((MemberSelectTree) select).getExpression();
    String text = qualifier;
    if (receiver instanceof IdentifierTree) {
      com.sun.source.tree.VariableTree decl = names.localRefs.get(receiver);
      if (decl != null && decl.getType() != null) {
        text = decl.getType().toString();
      }
    }
    return text.contains("Future") && !text.contains("dev.asyncfn");
  }
}
