/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Join2;
import dev.asyncfn.runtime.io.BufReader;
import dev.asyncfn.runtime.net.TcpStream;
import dev.asyncfn.runtime.net.WriteHalf;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A client for {@code echo-server}: sends lines and prints what comes back. */
final class EchoClient implements Sample {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  @Override
  public String name() {
    return "echo-client";
  }

  @Override
  public String summary() {
    return "[--port N] [LINE...]: sends lines to echo-server, prints the echoes";
  }

  /** Sends each line and reads its echo before the next, on one connection. */
  @Async
  static List<String> echoLines(int port, List<String> lines) throws IOException {
    try (TcpStream stream = await(TcpStream.connect("127.0.0.1", port, CONNECT_TIMEOUT))) {
      BufReader reader = new BufReader(stream);
      List<String> echoes = new ArrayList<>();
      for (String line : lines) {
        await(stream.writeAll((line + "\n").getBytes(UTF_8)));
        echoes.add(await(reader.readLine()));
      }
      return echoes;
    }
  }

  /**
   * Sends {@code payload}, then end of stream, while reading the echo back: both at once, since a
   * large payload would otherwise fill both directions' buffers and stall.
   */
  @Async
  static byte[] roundTrip(int port, byte[] payload) throws IOException {
    try (TcpStream stream = await(TcpStream.connect("127.0.0.1", port, CONNECT_TIMEOUT))) {
      TcpStream.Halves halves = stream.split();
      Join2<Void, byte[]> both =
          await(
              Futures.join(
                  EchoClientAsync.sendAndFinish(halves.writer(), payload),
                  halves.reader().readToEnd()));
      return both.second();
    }
  }

  @Async
  static void sendAndFinish(WriteHalf writer, byte[] payload) throws IOException {
    await(writer.writeAll(payload));
    writer.close(); // shuts down output: the server reads end of stream and finishes its copy
  }

  @Override
  public int run(List<String> args, PrintStream out) throws IOException {
    Args parsed = Args.parse(args);
    List<String> lines =
        parsed.positional.isEmpty() ? List.of("hello", "async world") : parsed.positional;
    List<String> echoes =
        Futures.blockOn(EchoClientAsync.echoLines(parsed.port(EchoServer.DEFAULT_PORT), lines));
    for (int i = 0; i < lines.size(); i++) {
      out.println("sent '" + lines.get(i) + "', got back '" + echoes.get(i) + "'");
    }
    return 0;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) throws IOException {
    return run(
        List.of("--port", String.valueOf(env.echoPort()), "hello", "echo from asyncfn"), out);
  }
}
