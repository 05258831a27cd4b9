/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.processor.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.source.tree.VariableTree;
import dev.asyncfn.processor.model.MachineModel;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names and fields of a machine: generated names avoid the user's, the user's names stay. */
class MachineFieldsTest {

  @Test
  void aFreshNameIsTheBaseWhenNothingUsesIt() {
    MachineFields f = new MachineFields(Set.of(), Set.of());
    assertEquals("state", f.fresh("state"));
  }

  @Test
  void aFreshNameAvoidsTheBodysNamesByCountingFromTwo() {
    MachineFields f = new MachineFields(Set.of("state", "state2"), Set.of());
    assertEquals("state3", f.fresh("state"));
  }

  @Test
  void aFreshNameAvoidsReservedFieldsAndEveryNameChosenBefore() {
    MachineFields f = new MachineFields(Set.of(), Set.of("self", "n"));
    assertEquals("self2", f.fresh("self"));
    assertEquals("n2", f.fresh("n"));
    assertEquals("cx", f.fresh("cx"));
    assertEquals("cx2", f.fresh("cx"));
  }

  @Test
  void aFreshNameIsNeverAKeyword() {
    MachineFields f = new MachineFields(Set.of(), Set.of());
    assertEquals("class2", f.fresh("class"));
    assertEquals("int2", f.fresh("int"));
  }

  @Test
  void aHoistedLocalKeepsItsNameThoughTheBodyUsesIt() {
    MachineFields f = new MachineFields(Set.of("count", "total"), Set.of());
    assertEquals("count", f.add("count", "int", null));
    assertEquals(List.of(new MachineModel.Field("count", "int", null, null)), f.fields());
  }

  @Test
  void aHoistedLocalIsRenamedOnlyWhenAFieldHasItsName() {
    MachineFields f = new MachineFields(Set.of("x", "n"), Set.of("n"));
    assertEquals("x", f.add("x", "int", null));
    // a second local x (another block), and a local named like a parameter's field
    assertEquals("x2", f.add("x", "long", null));
    assertEquals("n2", f.add("n", "int", null));
  }

  @Test
  void aHoistedLocalIsRenamedWhenAMachineFieldHasItsName() {
    MachineFields f = new MachineFields(Set.of("value"), Set.of());
    String state = f.fresh("state");
    f.reserveField(state);
    assertEquals("state2", f.add("state", "int", null));
  }

  @Test
  void aRenamedLocalAvoidsTheBodysOtherNames() {
    MachineFields f = new MachineFields(Set.of("x", "x2"), Set.of());
    f.add("x", "int", null);
    assertEquals("x3", f.add("x", "int", null));
  }

  @Test
  void temporariesAndStateLocalsAreNumberedInCreationOrder() {
    MachineFields f = new MachineFields(Set.of(), Set.of());
    assertEquals("held1", f.temp("held", "int", "first"));
    assertEquals("poll2", f.local("poll"));
    assertEquals("held3", f.temp("held", "java.lang.Object", null));
    assertEquals(4, f.next());
    assertEquals(
        List.of(
            new MachineModel.Field("held1", "int", null, "first"),
            new MachineModel.Field("held3", "java.lang.Object", null, null)),
        f.fields());
  }

  @Test
  void aTemporaryWhoseNumberedNameTheBodyUsesIsMadeUnique() {
    MachineFields f = new MachineFields(Set.of("held1"), Set.of());
    assertEquals("held12", f.temp("held", "int", null));
    assertEquals("held2", f.temp("held", "int", null));
  }

  @Test
  void theTypeOfAFieldIsItsTextUntilJavacsTypeIsKept() {
    MachineFields f = new MachineFields(Set.of(), Set.of());
    f.add("v", "java.util.List<java.lang.String>", "a comment");
    assertEquals("java.util.List<java.lang.String>", f.typeOf("v"));
    assertThrows(IllegalStateException.class, () -> f.typeOf("w"));
  }

  @Test
  void hoistedLocalsAreToldApartByDeclarationNotByName() {
    MachineFields f = new MachineFields(Set.of("x"), Set.of());
    VariableTree first = variable();
    VariableTree second = variable();
    f.hoist(first, f.add("x", "int", null));
    assertEquals("x", f.hoisted(first));
    assertNull(f.hoisted(second));
    f.hoist(second, f.add("x", "int", null));
    assertEquals("x2", f.hoisted(second));
  }

  /** A declaration: only its identity matters to the fields. */
  private static VariableTree variable() {
    return (VariableTree)
        Proxy.newProxyInstance(
            MachineFieldsTest.class.getClassLoader(),
            new Class<?>[] {VariableTree.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
