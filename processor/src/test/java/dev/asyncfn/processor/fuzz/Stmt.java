/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement of a random program. Each kind is a record; {@link #children} and {@link
 * #withChildren} give the minimiser one generic way to walk and rebuild them (children are {@link
 * Expr}s, {@link Stmt}s and {@link SwitchBlock}s, always in the same order for a kind).
 */
sealed interface Stmt {

  /** Sub-expressions, sub-statements and switch blocks, in source order. */
  List<Object> children();

  /** The same kind of statement over {@code kids}, which match {@link #children} one to one. */
  Stmt withChildren(List<Object> kids);

  /** Whether an {@code await} occurs in it. */
  default boolean awaits() {
    for (Object c : children()) {
      if (c instanceof Expr e && e.has(Expr.Flag.AWAITS)
          || c instanceof Stmt s && s.awaits()
          || c instanceof SwitchBlock b && b.awaits()) {
        return true;
      }
    }
    return false;
  }

  /** {@code { ... }}. */
  record Block(List<Stmt> stmts) implements Stmt {
    public Block {
      stmts = List.copyOf(stmts);
    }

    @Override
    public List<Object> children() {
      return new ArrayList<>(stmts);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new Block(kids.stream().map(Stmt.class::cast).toList());
    }
  }

  /** {@code expr;}. */
  record ExprStmt(Expr expr) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(expr);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new ExprStmt((Expr) kids.get(0));
    }
  }

  /** {@code type name = init;} where type may be {@code var} or {@code final int}. */
  record Local(String typeText, String name, Expr init) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(init);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new Local(typeText, name, (Expr) kids.get(0));
    }
  }

  /** {@code if (cond) then [else orElse]}. */
  record If(Expr cond, Block then, Block orElse) implements Stmt {
    @Override
    public List<Object> children() {
      List<Object> out = new ArrayList<>(List.of(cond, then));
      if (orElse != null) {
        out.add(orElse);
      }
      return out;
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new If((Expr) kids.get(0), (Block) kids.get(1), kids.size() > 2 ? (Block) kids.get(2) : null);
    }
  }

  /** {@code while (cond) body}. */
  record While(Expr cond, Block body) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(cond, body);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new While((Expr) kids.get(0), (Block) kids.get(1));
    }
  }

  /** {@code do body while (cond);}. */
  record DoWhile(Block body, Expr cond) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(body, cond);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new DoWhile((Block) kids.get(0), (Expr) kids.get(1));
    }
  }

  /** {@code for (init; cond; updates) body}; the init is fixed text declaring the counter. */
  record For(String init, Expr cond, List<Expr> updates, Block body) implements Stmt {
    public For {
      updates = List.copyOf(updates);
    }

    @Override
    public List<Object> children() {
      List<Object> out = new ArrayList<>();
      out.add(cond);
      out.addAll(updates);
      out.add(body);
      return out;
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      List<Expr> ups = new ArrayList<>();
      for (int i = 1; i < kids.size() - 1; i++) {
        ups.add((Expr) kids.get(i));
      }
      return new For(init, (Expr) kids.get(0), ups, (Block) kids.get(kids.size() - 1));
    }
  }

  /** {@code for (type name : iterable) body}. */
  record ForEach(String typeText, String name, Expr iterable, Block body) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(iterable, body);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new ForEach(typeText, name, (Expr) kids.get(0), (Block) kids.get(1));
    }
  }

  /** {@code label: body}. */
  record Labeled(String label, Stmt body) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(body);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new Labeled(label, (Stmt) kids.get(0));
    }
  }

  /** A switch statement. */
  record Switch(Expr selector, SwitchBlock block) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(selector, block);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new Switch((Expr) kids.get(0), (SwitchBlock) kids.get(1));
    }
  }

  /**
   * The cases of a switch statement or expression: arrow rules or old-style groups.
   *
   * @param arrow {@code case 1 -> ...} rules rather than {@code case 1:} groups
   */
  record SwitchBlock(boolean arrow, List<Case> cases) {
    public SwitchBlock {
      cases = List.copyOf(cases);
    }

    boolean awaits() {
      for (Case c : cases) {
        if (c.value() != null && c.value().has(Expr.Flag.AWAITS)
            || c.body() != null && c.body().awaits()) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * One case: {@code label} is {@code case 1, 2} or {@code default}; an arrow rule of a switch
   * expression may have a {@code value} instead of a {@code body}.
   */
  record Case(String label, Expr value, Block body) {}

  /** {@code try (resources) body catches finally}. */
  record Try(List<Local> resources, Block body, List<Catch> catches, Block finallyBlock)
      implements Stmt {
    public Try {
      resources = List.copyOf(resources);
      catches = List.copyOf(catches);
    }

    @Override
    public List<Object> children() {
      List<Object> out = new ArrayList<>(resources);
      out.add(body);
      for (Catch c : catches) {
        out.add(c.body());
      }
      if (finallyBlock != null) {
        out.add(finallyBlock);
      }
      return out;
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      int i = 0;
      List<Local> rs = new ArrayList<>();
      for (; i < resources.size(); i++) {
        rs.add((Local) kids.get(i));
      }
      Block b = (Block) kids.get(i++);
      List<Catch> cs = new ArrayList<>();
      for (Catch c : catches) {
        cs.add(new Catch(c.types(), c.name(), (Block) kids.get(i++)));
      }
      Block f = finallyBlock == null ? null : (Block) kids.get(i);
      return new Try(rs, b, cs, f);
    }
  }

  /** {@code catch (types name) body}; {@code types} is e.g. {@code A | B}. */
  record Catch(String types, String name, Block body) {}

  /** {@code throw e;}. */
  record Throw(Expr expr) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(expr);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new Throw((Expr) kids.get(0));
    }
  }

  /** {@code return [e];}. */
  record Return(Expr expr) implements Stmt {
    @Override
    public List<Object> children() {
      return expr == null ? List.of() : List.of(expr);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new Return(kids.isEmpty() ? null : (Expr) kids.get(0));
    }
  }

  /** {@code break [label];} or {@code continue [label];}. */
  record Jump(String keyword, String label) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of();
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return this;
    }
  }

  /** {@code yield e;}. */
  record Yield(Expr expr) implements Stmt {
    @Override
    public List<Object> children() {
      return List.of(expr);
    }

    @Override
    public Stmt withChildren(List<Object> kids) {
      return new Yield((Expr) kids.get(0));
    }
  }
}
