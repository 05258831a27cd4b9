/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static dev.asyncfn.runtime.Futures.await;
import static dev.asyncfn.runtime.Futures.awaitEach;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.JoinHandle;
import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.Tasks;
import dev.asyncfn.runtime.io.BufReader;
import dev.asyncfn.runtime.net.ReadHalf;
import dev.asyncfn.runtime.net.TcpListener;
import dev.asyncfn.runtime.net.TcpStream;
import dev.asyncfn.runtime.net.WriteHalf;
import dev.asyncfn.runtime.sync.ChannelClosedException;
import dev.asyncfn.runtime.sync.Mpsc;
import dev.asyncfn.runtime.sync.Mutex;
import dev.asyncfn.runtime.sync.MutexGuard;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat server of Programming Rust's async chapter: clients join groups and post messages, and
 * everybody in the group receives them.
 *
 * <p>The protocol is lines of text. Client to server: {@code name NAME}, {@code join GROUP},
 * {@code leave GROUP}, {@code post GROUP TEXT}. Server to client: {@code welcome NAME},
 * {@code joined GROUP}, {@code left GROUP}, {@code [GROUP] NAME: TEXT}, {@code error: ...} and
 * {@code ! N messages dropped} when a client reads too slowly.
 *
 * <p>Each client has a reader task (its commands) and a writer task that drains a bounded
 * outbound {@link Mpsc} queue to its socket. Posting puts the line in every member's queue with
 * {@code trySend}, which never waits: a client that does not read fills its own queue and loses
 * messages (and is told how many), but never stalls the poster or the other members, and the
 * server never buffers more than the queue's capacity for it. The groups are a map guarded by an
 * async {@link Mutex}, held only while the queues are offered a line.
 */
final class ChatServer implements Sample {
  static final int DEFAULT_PORT = 7070;
  /** Lines queued for one client before further ones are dropped for it. */
  static final int OUTBOUND_CAPACITY = 256;

  @Override
  public String name() {
    return "chat-server";
  }

  @Override
  public String summary() {
    return "[--port N]: clients join groups and post; everyone in the group receives it";
  }

  /** One connected client, as the groups see it. */
  static final class Client {
    final Mpsc.Sender<String> outbound;
    final Set<String> groups = new LinkedHashSet<>();
    final AtomicLong dropped = new AtomicLong();
    String name;

    Client(String name, Mpsc.Sender<String> outbound) {
      this.name = name;
      this.outbound = outbound;
    }

    /** Queues {@code line} for this client without waiting; counts it as dropped if full. */
    void offer(String line) {
      try {
        if (!outbound.trySend(line)) {
          dropped.incrementAndGet();
        }
      } catch (ChannelClosedException | IllegalStateException e) {
        // The client is going away: its writer stopped, so there is nobody to deliver to.
      }
    }
  }

  /** Every group's members, shared by all connection tasks. */
  static final class Groups {
    final Mutex<Map<String, Set<Client>>> members = new Mutex<>(new HashMap<>());
    final AtomicInteger clients = new AtomicInteger();
  }

  @Async
  static void serve(TcpListener listener, Groups groups, OpenSockets sockets) throws IOException {
    try {
      while (true) {
        TcpStream socket = sockets.add(await(AcceptingAsync.next(listener, sockets)));
        String name = "guest" + groups.clients.incrementAndGet();
        Tasks.spawn(ChatServerAsync.handle(socket, groups, name, sockets));
      }
    } finally {
      sockets.remove(listener);
      listener.close();
    }
  }

  /** Serves one client until it closes its side; then it leaves every group. */
  @Async
  static void handle(TcpStream socket, Groups groups, String name, OpenSockets sockets) {
    try {
      // Chat lines are small and interactive: send each at once rather than batching (Nagle).
      socket.setNoDelay(true);
    } catch (IOException e) {
      // Only a latency hint; a socket that refuses it fails on its first read or write instead.
    }
    TcpStream.Halves halves = socket.split();
    Mpsc.Channel<String> outbound = Mpsc.channel(OUTBOUND_CAPACITY);
    Client client = new Client(name, outbound.sender());
    Tasks.spawn(
        ChatServerAsync.writeOutbound(
            socket, halves.writer(), outbound.receiver(), client, sockets));
    try {
      client.offer("welcome " + name + " (commands: name NAME, join GROUP, post GROUP TEXT)");
      await(ChatServerAsync.readCommands(halves.reader(), groups, client));
      await(ChatServerAsync.leaveAll(groups, client));
    } finally {
      // The writer sends what is queued, then closes the write half; the socket closes with both.
      outbound.sender().close();
      EchoServer.closeQuietly(halves.reader());
      forgetIfClosed(socket, sockets);
    }
  }

  @Async
  static void readCommands(ReadHalf socket, Groups groups, Client client) {
    try {
      for (String line : awaitEach(new BufReader(socket).lines())) {
        await(ChatServerAsync.command(groups, client, line));
      }
    } catch (IOException e) {
      // The client reset the connection: it leaves like one that closed.
    }
  }

  /** Applies one command line under the groups' lock. */
  @Async
  static void command(Groups groups, Client client, String line) {
    try (MutexGuard<Map<String, Set<Client>>> guard = await(groups.members.lock())) {
      apply(guard.get(), client, line);
    }
  }

  /** Removes {@code client} from every group it joined; it is leaving. */
  @Async
  static void leaveAll(Groups groups, Client client) {
    try (MutexGuard<Map<String, Set<Client>>> guard = await(groups.members.lock())) {
      Map<String, Set<Client>> members = guard.get();
      for (String group : client.groups) {
        Set<Client> others = members.get(group);
        others.remove(client);
        if (others.isEmpty()) {
          members.remove(group);
        }
      }
      client.groups.clear();
    }
  }

  static void apply(Map<String, Set<Client>> members, Client client, String line) {
    String[] words = line.trim().split(" ", 3);
    String verb = words[0];
    if (verb.equals("name") && words.length >= 2) {
      client.name = line.trim().substring(5).trim();
      client.offer("welcome " + client.name);
    } else if (verb.equals("join") && words.length == 2) {
      members.computeIfAbsent(words[1], g -> new LinkedHashSet<>()).add(client);
      client.groups.add(words[1]);
      client.offer("joined " + words[1]);
    } else if (verb.equals("leave") && words.length == 2 && client.groups.remove(words[1])) {
      Set<Client> others = members.get(words[1]);
      others.remove(client);
      if (others.isEmpty()) {
        members.remove(words[1]);
      }
      client.offer("left " + words[1]);
    } else if (verb.equals("post") && words.length == 3) {
      Set<Client> group = members.get(words[1]);
      if (group == null || !group.contains(client)) {
        client.offer("error: join " + words[1] + " before posting to it");
        return;
      }
      String message = "[" + words[1] + "] " + client.name + ": " + words[2];
      for (Client member : group) {
        member.offer(message);
      }
    } else if (!line.isBlank()) {
      client.offer("error: unknown command '" + line + "'; try join GROUP or post GROUP TEXT");
    }
  }

  /** Drains the client's queue to its socket until the queue is closed and empty. */
  @Async
  static void writeOutbound(
      TcpStream connection,
      WriteHalf socket,
      Mpsc.Receiver<String> queue,
      Client client,
      OpenSockets sockets) {
    try {
      for (String line : awaitEach(queue)) {
        long dropped = client.dropped.getAndSet(0);
        if (dropped > 0) {
          String notice = "! " + dropped + " messages dropped: you are reading too slowly\n";
          await(socket.writeAll(notice.getBytes(UTF_8)));
        }
        await(socket.writeAll((line + "\n").getBytes(UTF_8)));
      }
    } catch (IOException e) {
      // The client went away; the reader task notices too and makes it leave its groups.
    } finally {
      queue.close();
      EchoServer.closeQuietly(socket);
      forgetIfClosed(connection, sockets);
    }
  }

  /** The socket closes when both halves are closed, by whichever of the two tasks ends last. */
  static void forgetIfClosed(TcpStream socket, OpenSockets sockets) {
    if (socket.isClosed()) {
      sockets.remove(socket);
    }
  }

  /** Binds 127.0.0.1:{@code port} (0 for an ephemeral port) and starts accepting. */
  static Server start(int port) {
    AsyncRuntime runtime = AsyncRuntime.builder().multiThread().threadNamePrefix("chat-server").build();
    try {
      OpenSockets sockets = new OpenSockets();
      TcpListener listener = sockets.add(runtime.blockOn(TcpListener.bind("127.0.0.1", port)));
      JoinHandle<Void> acceptor =
          runtime.spawn(ChatServerAsync.serve(listener, new Groups(), sockets));
      return new Server(runtime, acceptor, listener.localAddr().getPort(), sockets);
    } catch (RuntimeException | Error e) {
      runtime.close();
      throw e;
    }
  }

  @Override
  public int run(List<String> args, PrintStream out) {
    try (Server server = start(Args.parse(args).port(DEFAULT_PORT))) {
      out.println("chat server listening on 127.0.0.1:" + server.port());
      out.println("try: chat-client --port " + server.port() + ", or nc 127.0.0.1 " + server.port());
      server.awaitTermination();
    }
    return 0;
  }

  @Override
  public int tour(Tour.Env env, PrintStream out) {
    Server server = start(0);
    env.stopAtEnd(server);
    env.chatPort(server.port());
    out.println("chat server listening on 127.0.0.1:" + server.port() + " (until the tour ends)");
    return 0;
  }
}
