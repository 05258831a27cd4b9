/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.debug;

/**
 * The management interface every {@code AsyncRuntime} registers in the platform MBean server, as
 * {@code dev.asyncfn:type=Runtime,name=<name>,id=<id>}, from its build to its shutdown: a running
 * service's tasks can be dumped from jconsole, VisualVM or any JMX client without code changes
 * (see {@code docs/debugging.md}).
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * MBeanServer server = ManagementFactory.getPlatformMBeanServer();
 * for (ObjectName n : server.queryNames(new ObjectName("dev.asyncfn:type=Runtime,*"), null)) {
 *   System.out.println(server.invoke(n, "dumpTasks", null, null));
 * }
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * Every method may be called from any thread (JMX calls come on the connector's threads).
 */
public interface AsyncRuntimeMXBean {
  /** The runtime's name, as given to its builder ({@code AsyncRuntime.Builder.name}). */
  String getName();

  /** The runtime's id, unique in the JVM. */
  long getId();

  /** {@code multi-thread, 4 workers} or {@code current-thread}. */
  String getFlavor();

  /** Spawned tasks that have not completed. */
  int getLiveTaskCount();

  /** Polls reported as slow since the runtime started. */
  long getSlowPollCount();

  /** The text of a {@link TaskDump} taken now. */
  String dumpTasks();
}
