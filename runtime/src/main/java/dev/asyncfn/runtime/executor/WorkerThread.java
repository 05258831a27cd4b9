package dev.asyncfn.runtime.executor;

/** A thread of a multi-thread runtime: knows its executor and worker without a thread-local. */
final class WorkerThread extends Thread {
  final Executor executor;
  final Worker worker;

  WorkerThread(Worker worker, String name) {
    super(null, worker, name);
    this.executor = worker.executor;
    this.worker = worker;
    setDaemon(true);
  }
}
