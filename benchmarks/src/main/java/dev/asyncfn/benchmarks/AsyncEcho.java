/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.net.TcpListener;
import dev.asyncfn.runtime.net.TcpStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/** The asyncfn echo server: one task per connection, as the samples and the Tokio tutorial do. */
final class AsyncEcho {
  private AsyncEcho() {}

  @Async
  static void serve(TcpListener listener) throws IOException {
    while (true) {
      TcpStream stream = await(listener.accept());
      stream.setNoDelay(true);
      Tasks.spawn(AsyncEchoAsync.handle(stream));
    }
  }

  @Async
  static void handle(TcpStream stream) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    try {
      while (true) {
        buf.clear();
        int n = await(stream.read(buf));
        if (n < 0) {
          break;
        }
        buf.flip();
        await(stream.writeAll(buf));
      }
    } finally {
      stream.close();
    }
  }
}
