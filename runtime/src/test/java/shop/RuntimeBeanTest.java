/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.AsyncRuntime;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every runtime registers an MBean in the domain {@code dev.asyncfn} from its build to its
 * shutdown, whose {@code dumpTasks} operation returns the task dump's text: what jconsole and
 * VisualVM call.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RuntimeBeanTest {
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

  private static Set<ObjectName> named(String name) throws Exception {
    return SERVER.queryNames(new ObjectName("dev.asyncfn:type=Runtime,name=" + name + ",*"), null);
  }

  @Test
  void theMBeanDumpsTheTasksAndIsGoneAfterShutdown() throws Exception {
    AsyncRuntime rt = AsyncRuntime.builder().name("beans").currentThread().build();
    ObjectName name;
    try {
      Set<ObjectName> names = named("beans");
      assertEquals(1, names.size(), names::toString);
      name = names.iterator().next();
      assertTrue(SERVER.isRegistered(name));
      Parked.Group group = new Parked.Group(1);
      rt.spawn("orders", OrdersAsync.relay(new Parked(group, "signal")));
      rt.blockOn(group.all());

      String text = (String) SERVER.invoke(name, "dumpTasks", null, null);
      assertTrue(text.startsWith("Tasks of runtime \"beans\" (id "), text);
      assertTrue(text.contains("\"orders\" idle"), text);
      assertTrue(
          text.contains("\tat shop.Orders.waitFor(Orders.java:" + Lines.of("waitFor-await") + ")"),
          text);
      assertEquals(1, SERVER.getAttribute(name, "LiveTaskCount"));
      assertEquals("beans", SERVER.getAttribute(name, "Name"));
      assertEquals("current-thread", SERVER.getAttribute(name, "Flavor"));
    } finally {
      rt.shutdown();
    }
    assertFalse(SERVER.isRegistered(name), "unregistered by shutdown");
    assertEquals(Set.of(), named("beans"));
  }

  @Test
  void twoRuntimesOfTheSameNameGetTwoBeans() throws Exception {
    try (AsyncRuntime a =
            AsyncRuntime.builder().name("twins").multiThread().workerThreads(1).build();
        AsyncRuntime b = AsyncRuntime.builder().name("twins").currentThread().build()) {
      Set<ObjectName> names = named("twins");
      assertEquals(2, names.size(), names::toString);
      ObjectName[] both = names.toArray(new ObjectName[0]);
      assertNotEquals(both[0].getKeyProperty("id"), both[1].getKeyProperty("id"));
      assertEquals(
          Set.of("multi-thread, 1 worker", "current-thread"),
          Set.of(
              SERVER.getAttribute(both[0], "Flavor"), SERVER.getAttribute(both[1], "Flavor")));
    }
    assertEquals(Set.of(), named("twins"));
  }

  @Test
  void aNameThatObjectNamesCannotHoldIsQuoted() throws Exception {
    try (AsyncRuntime rt = AsyncRuntime.builder().name("a, b=c").currentThread().build()) {
      Set<ObjectName> names =
          SERVER.queryNames(new ObjectName("dev.asyncfn:type=Runtime,*"), null);
      // Other tests' runtimes may be registered too, with plain names.
      assertTrue(
          names.stream()
              .map(n -> n.getKeyProperty("name"))
              .anyMatch(k -> k.startsWith("\"") && ObjectName.unquote(k).equals("a, b=c")),
          names::toString);
    }
  }
}
