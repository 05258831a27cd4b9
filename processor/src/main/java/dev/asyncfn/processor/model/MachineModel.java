package dev.asyncfn.processor.model;

import java.util.List;

/**
 * The lowered form of one {@code @Async} method, ready to print: fields, states and the exception
 * table. Code strings use {@link Code} markers for runtime types and the {@code continue} label.
 */
public final class MachineModel {
  /** A field of the state machine; {@code typeText} is Java source text (markers allowed). */
  public static final class Field {
    public final String name;
    public final String typeText;
    public final String comment;
    /** The type as javac gave it (locals declared with {@code var}), or null. */
    public final javax.lang.model.type.TypeMirror type;

    public Field(String name, String typeText, String comment) {
      this(name, typeText, comment, null);
    }

    public Field(
        String name, String typeText, String comment, javax.lang.model.type.TypeMirror type) {
      this.name = name;
      this.typeText = typeText;
      this.comment = comment;
      this.type = type;
    }
  }

  /** One {@code case} of the poll switch. */
  public static final class State {
    public final int number;
    public final String comment;
    public final String code;
    /** The source line the state resumes at (for task dumps). */
    public final int line;

    public State(int number, String comment, String code, int line) {
      this.number = number;
      this.comment = comment;
      this.code = code;
      this.line = line;
    }
  }

  /** The catch handler code shared by a group of states. */
  public static final class Handler {
    public final List<Integer> states;
    public final String code;

    public Handler(List<Integer> states, String code) {
      this.states = states;
      this.code = code;
    }
  }

  public final List<Field> fields;
  public final List<State> states;
  public final List<Handler> handlers;
  /** Names the generated code chose so that they never clash with user names. */
  public final String stateField;
  public final String awaitingField;
  public final String contextParam;
  public final String throwableVar;
  public final String loopLabel;
  public final String doneConstant;
  public final String rethrowConstant;
  public final String doneMethod;
  public final boolean usesRethrow;
  /** Local classes of the body, re-emitted as member classes of the machine (source text). */
  public final List<String> memberTypes;
  /** For each group of states inside a finally region: how cancel() enters the innermost one. */
  public final List<Handler> cancelPlan;
  public final String cancelConstant;
  public final String cancellingField;
  /** The state cancel() found the machine in: catches of tries around it stay skipped. */
  public final String cancelledAtField;

  public MachineModel(
      List<Field> fields,
      List<State> states,
      List<Handler> handlers,
      String stateField,
      String awaitingField,
      String contextParam,
      String throwableVar,
      String loopLabel,
      String doneConstant,
      String rethrowConstant,
      String doneMethod,
      boolean usesRethrow,
      List<String> memberTypes,
      List<Handler> cancelPlan,
      String cancelConstant,
      String cancellingField,
      String cancelledAtField) {
    this.cancelledAtField = cancelledAtField;
    this.cancelPlan = List.copyOf(cancelPlan);
    this.cancelConstant = cancelConstant;
    this.cancellingField = cancellingField;
    this.memberTypes = List.copyOf(memberTypes);
    this.fields = List.copyOf(fields);
    this.states = List.copyOf(states);
    this.handlers = List.copyOf(handlers);
    this.stateField = stateField;
    this.awaitingField = awaitingField;
    this.contextParam = contextParam;
    this.throwableVar = throwableVar;
    this.loopLabel = loopLabel;
    this.doneConstant = doneConstant;
    this.rethrowConstant = rethrowConstant;
    this.doneMethod = doneMethod;
    this.usesRethrow = usesRethrow;
  }
}
