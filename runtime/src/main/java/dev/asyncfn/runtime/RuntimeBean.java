/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime;

import dev.asyncfn.runtime.debug.AsyncRuntimeMXBean;
import dev.asyncfn.runtime.internal.handle.Handle;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A runtime's {@link AsyncRuntimeMXBean}, registered as {@code
 * dev.asyncfn:type=Runtime,name=<name>,id=<id>} in the platform MBean server. The id (unique in
 * the JVM) keeps two runtimes of the same name apart.
 *
 * <p>The bean holds its runtime weakly: the MBean server keeps registered beans forever, and must
 * not keep a runtime that was dropped without shutdown alive; the watchdog unregisters the bean of
 * such a runtime once it is collected. Where {@code java.management} cannot be used (a trimmed
 * image on the class path, a security policy) registration is skipped and the runtime works on;
 * {@code -Dasyncfn.jmx=off} skips it on purpose.
 */
final class RuntimeBean implements AsyncRuntimeMXBean {
  static final String DOMAIN = "dev.asyncfn";

  /**
   * {@code -Dasyncfn.jmx=off}: no MBean, and the platform MBean server is not started for one.
   * Starting it costs the first runtime's build some 50 to 250 ms, and a model checker runs
   * through all of it (the runtime's Lincheck tests hung there on JDK 25).
   */
  static final String PROPERTY = "asyncfn.jmx";

  private static final boolean ENABLED = !"off".equals(System.getProperty(PROPERTY));

  private final WeakReference<Handle> handle;
  private final String name;
  private final long id;

  private RuntimeBean(Handle handle) {
    this.handle = new WeakReference<>(handle);
    this.name = handle.name();
    this.id = handle.id();
  }

  /**
   * Registers the bean of {@code handle}; returns the action that unregisters it (idempotent, safe
   * from any thread), a no-op if registration failed.
   */
  static Runnable register(Handle handle) {
    if (!ENABLED) {
      return () -> {};
    }
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName objectName = objectName(handle.name(), handle.id());
      server.registerMBean(new RuntimeBean(handle), objectName);
      AtomicBoolean done = new AtomicBoolean();
      return () -> {
        if (done.compareAndSet(false, true)) {
          try {
            server.unregisterMBean(objectName);
          } catch (InstanceNotFoundException e) {
            // unregistered by someone else: nothing left to do
          } catch (JMException | RuntimeException e) {
            System.getLogger("dev.asyncfn.runtime")
                .log(System.Logger.Level.DEBUG, "could not unregister " + objectName, e);
          }
        }
      };
    } catch (JMException | RuntimeException | LinkageError e) {
      // No JMX (a jlinked image without java.management, a security policy): the runtime works on.
      System.getLogger("dev.asyncfn.runtime")
          .log(System.Logger.Level.DEBUG, "no MBean for " + handle.label(), e);
      return () -> {};
    }
  }

  /** {@code dev.asyncfn:type=Runtime,name=<name>,id=<id>}, the name quoted if it must be. */
  static ObjectName objectName(String name, long id) throws JMException {
    boolean plain = !name.isEmpty() && name.chars().noneMatch(c -> ",=:\"*?\n\\ ".indexOf(c) >= 0);
    return new ObjectName(
        DOMAIN + ":type=Runtime,name=" + (plain ? name : ObjectName.quote(name)) + ",id=" + id);
  }

  private Handle handle() {
    Handle h = handle.get();
    if (h == null) {
      throw new IllegalStateException(
          "the runtime \"" + name + "\" (id " + id + ") was garbage-collected without shutdown");
    }
    return h;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public long getId() {
    return id;
  }

  @Override
  public String getFlavor() {
    return handle().executor().describe();
  }

  @Override
  public int getLiveTaskCount() {
    return handle().liveTasks();
  }

  @Override
  public long getSlowPollCount() {
    return handle().slowPolls();
  }

  @Override
  public String dumpTasks() {
    return TaskDumps.of(handle()).toString();
  }
}
