package dev.asyncfn.samples;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets a server has open, so that stopping it closes them all.
 *
 * <p>Why this exists: cancelling a generated state machine does not run the finally blocks around
 * its current await yet (TODO(#5) in the processor), so a connection task cancelled by the runtime's
 * shutdown would keep its socket open. The server's tasks add each socket here and remove it once
 * closed; {@link Server#close()} closes what is left after the runtime stopped.
 */
final class OpenSockets {
  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

  <T extends AutoCloseable> T add(T socket) {
    open.add(socket);
    return socket;
  }

  void remove(AutoCloseable socket) {
    open.remove(socket);
  }

  int size() {
    return open.size();
  }

  /** Closes every socket still registered; called once the server's tasks can no longer run. */
  void closeAll() {
    for (AutoCloseable socket : open) {
      EchoServer.closeQuietly(socket);
    }
    open.clear();
  }
}
