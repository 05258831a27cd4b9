/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.runtime.Futures.awaitEach;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.io.BufReader;
import dev.asyncfn.runtime.net.ReadHalf;
import dev.asyncfn.runtime.net.TcpStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * A client for {@code chat-server}: sends the commands typed on standard input ({@code join
 * GROUP}, {@code post GROUP TEXT}, ...) while a second task prints whatever the server sends. At
 * the end of input it closes its sending side and prints what is still coming until the server
 * closes.
 */
final class ChatClient implements Sample {
  private final InputStream input;

  ChatClient() {
    this(System.in);
  }

  /** A client reading its commands from {@code input} (tests and the tour script it). */
  ChatClient(InputStream input) {
    this.input = input;
  }

  @Override
  public String name() {
    return "chat-client";
  }

  @Override
  public String summary() {
    return "[--port N] [--name NAME]: chat commands from stdin, prints what the server sends";
  }

  @Async
  static void chat(int port, String name, BufferedReader commands, PrintStream out)
      throws IOException {
    try (TcpStream stream =
        await(TcpStream.connect("127.0.0.1", port, Duration.ofSeconds(5)))) {
      TcpStream.Halves halves = stream.split();
      JoinHandle<Void> printer = Tasks.spawn(ChatClientAsync.printIncoming(halves.reader(), out));
      if (name != null) {
        await(halves.writer().writeAll(("name " + name + "\n").getBytes(UTF_8)));
      }
      while (true) {
        // Reading the terminal blocks, so it happens on the blocking pool, not on a worker.
        String command = await(Tasks.spawnBlocking(commands::readLine));
        if (command == null) {
          break;
        }
        await(halves.writer().writeAll((command + "\n").getBytes(UTF_8)));
      }
      halves.writer().close(); // the server sees end of input, sends what is queued, closes
      await(printer);
    }
  }

  @Async
  static void printIncoming(ReadHalf socket, PrintStream out) throws IOException {
    for (String line : awaitEach(new BufReader(socket).lines())) {
      out.println(line);
    }
  }

  @Override
  public int run(List<String> args, PrintStream out) throws IOException {
    Args parsed = Args.parse(args);
    BufferedReader commands = new BufferedReader(new InputStreamReader(input, UTF_8));
    Futures.blockOn(
        ChatClientAsync.chat(
            parsed.port(ChatServer.DEFAULT_PORT), parsed.option("name", null), commands, out));
    return 0;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) throws IOException {
    String script = "join rust\npost rust hello from the tour\njoin java\npost java and java too\n";
    return new ChatClient(new ByteArrayInputStream(script.getBytes(UTF_8)))
        .run(List.of("--port", String.valueOf(env.chatPort()), "--name", "tourist"), out);
  }
}
