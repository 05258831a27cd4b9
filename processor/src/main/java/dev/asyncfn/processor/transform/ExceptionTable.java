/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import com.palantir.javapoet.CodeBlock;
import dev.asyncfn.processor.model.MachineModel;
import dev.asyncfn.processor.model.MachineNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an exception thrown in each state goes, and how {@code cancel()} enters the finally
 * blocks around each state: the code of the machine's {@code catch (Throwable failure)} and of its
 * {@code cancel()}, grouped by the frame the states run in.
 *
 * <p>A failure goes to the first catch clause of the innermost frame that matches it, then to the
 * finally block of that frame (completion record "rethrow"), then outwards; with neither, it leaves
 * the machine unchanged. While {@code cancel()} runs the finally blocks around the await it found,
 * the catches of the tries around that await are skipped (the {@code cancelledAt} guard).
 */
final class ExceptionTable {
  private final MachineNames names;
  private final List<State> emitted;
  private final String caughtField;
  private boolean rethrows;

  ExceptionTable(MachineNames names, List<State> emitted, String caughtField) {
    this.names = names;
    this.emitted = emitted;
    this.caughtField = caughtField;
  }

  /** One handler per frame that catches or has a finally block, for the states it covers. */
  List<MachineModel.Handler> handlers() {
    Map<Frame, List<Integer>> byFrame = new LinkedHashMap<>();
    for (int i = 0; i < emitted.size(); i++) {
      Frame f = emitted.get(i).frame();
      if (f != null) {
        byFrame.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
      }
    }
    List<MachineModel.Handler> out = new ArrayList<>();
    for (Map.Entry<Frame, List<Integer>> e : byFrame.entrySet()) {
      CodeBlock.Builder code = CodeBlock.builder();
      boolean jumps = handlerCode(e.getKey(), code);
      CodeBlock built = code.build();
      if (!built.isEmpty()) {
        out.add(new MachineModel.Handler(e.getValue(), built, jumps));
      }
    }
    return out;
  }

  /** Whether a handler enters a finally block to rethrow (the constant is needed then). */
  boolean rethrows() {
    return rethrows;
  }

  /** Writes the handler of {@code frame}'s states; returns whether it always jumps. */
  private boolean handlerCode(Frame frame, CodeBlock.Builder b) {
    for (Frame f = frame; f != null; f = f.parent) {
      for (Frame.CatchClause c : f.catches) {
        List<CodeBlock> tests = new ArrayList<>();
        for (CodeBlock type : c.types()) {
          tests.add(CodeBlock.of("$N instanceof $L", names.failure(), type));
        }
        b.add("if ($L($L)) {\n", notCancelledInside(f), CodeBlock.join(tests, " || "))
            .indent()
            .add("$N = $N;\n", caughtField, names.failure())
            .add("$N = $L;\n", names.state(), c.target())
            .add("continue $N;\n", names.loop())
            .unindent()
            .add("}\n");
      }
      if (f.fin != null) {
        rethrows = true;
        b.add("// $L: run the finally block, then rethrow\n", f.comment)
            .add("$N = $N;\n", f.fin.next(), names.rethrow())
            .add("$N = $N;\n", f.fin.thrown(), names.failure())
            .add("$N = $L;\n", names.state(), f.fin.entry())
            .add("continue $N;\n", names.loop());
        return true;
      }
    }
    return false;
  }

  /**
   * The guard that keeps a catch of {@code frame} from running while cancel() runs the finally
   * blocks around an await inside that try; a try nested in such a finally block catches as usual.
   */
  private CodeBlock notCancelledInside(Frame frame) {
    List<String> inside = new ArrayList<>();
    for (int i = 0; i < emitted.size(); i++) {
      for (Frame f = emitted.get(i).frame(); f != null; f = f.parent) {
        if (f == frame) {
          inside.add(names.cancelledAt() + " == " + i);
          break;
        }
      }
    }
    if (inside.isEmpty()) {
      return CodeBlock.of("");
    }
    return CodeBlock.of("!($N && ($L)) && ", names.cancelling(), String.join(" || ", inside));
  }

  /** For each finally region: how {@code cancel()} enters it from the states it covers. */
  List<MachineModel.Handler> cancelPlan() {
    Map<Frame.FinallyRegion, List<Integer>> byFin = new LinkedHashMap<>();
    for (int i = 0; i < emitted.size(); i++) {
      for (Frame f = emitted.get(i).frame(); f != null; f = f.parent) {
        if (f.fin != null) {
          byFin.computeIfAbsent(f.fin, k -> new ArrayList<>()).add(i);
          break;
        }
      }
    }
    List<MachineModel.Handler> out = new ArrayList<>();
    for (Map.Entry<Frame.FinallyRegion, List<Integer>> e : byFin.entrySet()) {
      Frame.FinallyRegion fin = e.getKey();
      CodeBlock code =
          CodeBlock.builder()
              .add("$N = $N;\n", fin.next(), names.cancel())
              .add("$N = null;\n", fin.thrown())
              .add("$N = $L;\n", names.state(), fin.entry())
              .build();
      out.add(new MachineModel.Handler(e.getValue(), code, false));
    }
    return out;
  }
}
