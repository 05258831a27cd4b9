/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import dev.asyncfn.testing.CompileDiagnostic;
import dev.asyncfn.testing.Oracle;
import dev.asyncfn.testing.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the compiler and the oracle said about one method into a {@link Verdict}, with a
 * signature that is the same for two methods hitting the same bug: the diagnostic code, the first
 * line of javac's message in the generated file (names and numbers blurred), the processor frame
 * that crashed, or the kind of difference between twin and future.
 */
final class Classifier {
  private static final Pattern ASYNCFN_CODE = Pattern.compile("\\[asyncfn/(\\w+)]");
  private static final Pattern EXCEPTION =
      Pattern.compile("((?:java|javax|com|dev)\\.[\\w.$]*(?:Exception|Error))");
  private static final Pattern PROCESSOR_FRAME =
      Pattern.compile("at dev\\.asyncfn\\.processor\\.([\\w.$]+)\\(");

  private Classifier() {}

  /**
   * The verdict for a method the compilation reported {@code errors} about; {@code generated}
   * tells whether they are in generated files (then the processor wrote code javac rejects).
   */
  static Verdict ofDiagnostics(List<CompileDiagnostic> errors, boolean generated) {
    StringBuilder details = new StringBuilder();
    for (CompileDiagnostic d : errors) {
      details.append(d).append('\n');
    }
    CompileDiagnostic first = errors.get(0);
    for (CompileDiagnostic d : errors) {
      if (d.message().contains("[asyncfn/InternalError]") || d.file() == null
          && d.message().startsWith("javac crashed")) {
        return new Verdict(Verdict.Kind.CRASH, crashSignature(d.message()), details.toString());
      }
    }
    for (CompileDiagnostic d : errors) {
      Matcher m = ASYNCFN_CODE.matcher(d.message());
      if (m.find()) {
        return new Verdict(Verdict.Kind.REJECTION, "[asyncfn/" + m.group(1) + "]",
            details.toString());
      }
    }
    String where = generated ? "generated code: " : "user code: ";
    return new Verdict(Verdict.Kind.REJECTION, where + blur(firstLine(first.message())),
        details.toString());
  }

  /**
   * The verdict of an oracle comparison. Outcomes are compared as the oracle does, except that
   * JDK helpful NullPointerException messages are blurred (in results and in traces, which log
   * caught exceptions): they describe the bytecode that failed, which in a state machine names a
   * field ({@code this.self.boxed}, {@code held3}) or a witness ({@code Number.intValue()}) where
   * the twin has a local or an expression. The class still counts; that the messages differ is
   * reported apart ({@link #npeMessagesOnly}).
   */
  static Verdict ofReport(Oracle.Report r) {
    List<String> differences = new ArrayList<>();
    Oracle.Run first = r.runs().get(0);
    for (Oracle.Run run : r.runs()) {
      if (!normalized(run.twin()).equals(normalized(first.twin()))) {
        differences.add("the twin behaves differently under " + first.driver() + " and "
            + run.driver());
      }
      if (!normalized(run.future()).equals(normalized(run.twin()))) {
        differences.add(run.driver() + " mode: the future's outcome differs from the twin's");
      }
      if (run.problem() != null) {
        differences.add(run.driver() + " mode: " + run.problem());
      }
      if (run.suspensions() != run.awaitedPendings()) {
        differences.add(run.driver() + " mode: the future answered pending " + run.suspensions()
            + " time(s), the futures it awaited " + run.awaitedPendings() + " time(s)");
      }
    }
    if (differences.isEmpty()) {
      return Verdict.pass();
    }
    StringBuilder details = new StringBuilder();
    for (String d : differences) {
      details.append("- ").append(d).append('\n');
    }
    for (Oracle.Run run : r.runs()) {
      details.append(String.format("%s%n  twin:   %s%n  future: %s (%d polls)%n", run.driver(),
          run.twin(), run.future(), run.polls()));
    }
    return new Verdict(Verdict.Kind.DIVERGENCE, divergenceSignature(r), details.toString());
  }

  /**
   * Whether the oracle saw differences and all of them are in helpful NullPointerException
   * messages (see {@link #ofReport}).
   */
  static boolean npeMessagesOnly(Oracle.Report r) {
    return !r.differences().isEmpty() && !ofReport(r).failed();
  }

  /**
   * A JDK helpful NullPointerException message (JEP 358): "Cannot invoke ... [because ... is
   * null]", up to the end of the message (the end of the text, or where the description of the
   * outcome goes on with a cause or suppressed exceptions).
   */
  private static final Pattern HELPFUL_NPE =
      Pattern.compile("(NullPointerException: )Cannot .*?"
          + "(?= \\[suppressed: | \\[cause: |]|, [\\w.$]+(?:Exception|Error): |$)");

  /** An outcome as text, with the variable part of helpful NPE messages blurred. */
  static String normalized(Outcome o) {
    StringBuilder sb = new StringBuilder(blurNpe(o.result()));
    for (Object entry : o.trace()) {
      sb.append("\n").append(blurNpe(String.valueOf(entry)));
    }
    return sb.toString();
  }

  private static String blurNpe(String s) {
    return HELPFUL_NPE.matcher(s).replaceAll("$1<helpful message>");
  }

  /** The verdict of a case the oracle could not finish (a hang, or a failure of the oracle). */
  static Verdict ofOracleFailure(AssertionError e) {
    String msg = String.valueOf(e.getMessage());
    String signature = msg.contains("did not finish") ? "hang" : "oracle failed: " + blur(
        firstLine(msg.replaceFirst("^[^:]*: ", "")));
    StringBuilder details = new StringBuilder(msg).append('\n');
    if (e.getCause() != null) {
      for (StackTraceElement el : e.getCause().getStackTrace()) {
        details.append("  at ").append(el).append('\n');
      }
    }
    return new Verdict(Verdict.Kind.DIVERGENCE, signature, details.toString());
  }

  private static String divergenceSignature(Oracle.Report r) {
    for (Oracle.Run run : r.runs()) {
      Outcome twin = run.twin();
      Outcome future = run.future();
      if (!normalized(future).equals(normalized(twin))) {
        if (twin.threw() && !future.threw()) {
          return "twin threw " + simple(twin.thrown()) + ", future returned";
        }
        if (!twin.threw() && future.threw()) {
          return "twin returned, future threw " + simple(future.thrown());
        }
        if (twin.threw()) {
          return twin.thrown().getClass() != future.thrown().getClass()
              ? "twin threw " + simple(twin.thrown()) + ", future threw " + simple(future.thrown())
              : blurNpe(twin.result()).equals(blurNpe(future.result()))
                  ? "same exception, different trace"
                  : "same exception class, different message/cause/suppressed";
        }
        return blurNpe(twin.result()).equals(blurNpe(future.result()))
            ? "same value, different trace"
            : "different value";
      }
    }
    for (Oracle.Run run : r.runs()) {
      if (run.problem() != null) {
        return "poll contract: " + blur(run.problem());
      }
      if (run.suspensions() != run.awaitedPendings()) {
        return "poll contract: suspensions differ from the awaited futures' pendings";
      }
    }
    return "twin depends on the driver";
  }

  private static String simple(Throwable t) {
    return t.getClass().getSimpleName();
  }

  private static String crashSignature(String message) {
    Matcher ex = EXCEPTION.matcher(message.replace("[asyncfn/InternalError]", ""));
    String exception = ex.find() ? ex.group(1).substring(ex.group(1).lastIndexOf('.') + 1) : "?";
    Matcher frame = PROCESSOR_FRAME.matcher(message);
    String where = frame.find() ? " in " + frame.group(1) : "";
    return "[asyncfn/InternalError] " + exception + where;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Numbers and generated names blurred, so equal causes give equal signatures. */
  static String blur(String s) {
    return s.replaceAll("\\d+", "N").replaceAll("\\s+", " ").trim();
  }
}
