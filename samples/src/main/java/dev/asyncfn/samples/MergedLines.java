/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.async;
import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.runtime.Futures.awaitEach;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.io.BufReader;
import dev.asyncfn.runtime.net.TcpListener;
import dev.asyncfn.runtime.net.TcpStream;
import dev.asyncfn.runtime.stream.AsyncStream;
import dev.asyncfn.runtime.stream.Streams;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Async blocks and streams end to end, as the async books write them: each client is a spawned
 * async block sending what a generator produces; the server merges the lines of every connection
 * into one stream and handles them with at most eight in flight, consuming the result with a loop
 * over the stream.
 */
final class MergedLines implements Sample {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How many lines the server handles at once. */
  private static final int IN_FLIGHT = 8;

  @Override
  public String name() {
    return "merged-lines";
  }

  @Override
  public String summary() {
    return "[--clients N] [--lines M]: generators, spawned blocks, merged streams, bounded concurrency";
  }

  @Async
  static String run(int clients, int linesEach) throws IOException {
    // a generator per client: nothing is produced until the client asks for its next line
    IntFunction<AsyncStream<String>> script =
        client ->
            Streams.generate(
                out ->
                    async(
                        () -> {
                          for (int i = 1; i <= linesEach; i++) {
                            await(out.emit("client " + client + " says hello number " + i));
                          }
                        }));
    try (TcpListener listener = await(TcpListener.bind("127.0.0.1", 0))) {
      int port = listener.localAddr().getPort();
      List<JoinHandle<Void>> senders = new ArrayList<>();
      for (int c = 1; c <= clients; c++) {
        int client = c;
        senders.add(
            Tasks.spawn(
                async(
                    () -> {
                      try (TcpStream s =
                          await(TcpStream.connect("127.0.0.1", port, CONNECT_TIMEOUT))) {
                        for (String line : awaitEach(script.apply(client))) {
                          await(s.writeAll((line + "\n").getBytes(UTF_8)));
                        }
                      } // closing the connection ends the server's stream of its lines
                    })));
      }
      List<TcpStream> accepted = new ArrayList<>();
      try {
        List<AsyncStream<String>> perConnection = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          TcpStream socket = await(listener.accept());
          accepted.add(socket);
          perConnection.add(new BufReader(socket).lines());
        }
        AsyncStream<Integer> wordCounts =
            Streams.bufferUnordered(
                Streams.merge(perConnection)
                    .map(
                        line ->
                            async(
                                () -> {
                                  await(Tasks.yieldNow()); // stands for a call per line
                                  return words(line);
                                })),
                IN_FLIGHT);
        int lines = 0;
        int words = 0;
        for (int n : awaitEach(wordCounts)) {
          lines++;
          words += n;
        }
        for (JoinHandle<Void> sender : senders) {
          await(sender);
        }
        return lines + " lines from " + clients + " connections, " + words + " words";
      } finally {
        for (TcpStream socket : accepted) {
          socket.close();
        }
      }
    }
  }

  static int words(String line) {
    return line.isBlank() ? 0 : line.trim().split("\\s+").length;
  }

  @Override
  public int run(List<String> args, PrintStream out) throws IOException {
    Args parsed = Args.parse(args);
    int clients = parsed.intOption("clients", 4);
    int lines = parsed.intOption("lines", 1_000);
    try (AsyncRuntime runtime = AsyncRuntime.builder().multiThread().build()) {
      out.println(runtime.blockOn(MergedLinesAsync.run(clients, lines)));
    }
    return 0;
  }
}
