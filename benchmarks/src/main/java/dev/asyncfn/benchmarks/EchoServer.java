/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.benchmarks;

import dev.asyncfn.runtime.AsyncRuntime;
import dev.asyncfn.runtime.net.TcpListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * The echo servers, each on one thread of work so the comparison is of designs, not of core counts:
 * {@code java -cp benchmarks.jar dev.asyncfn.benchmarks.EchoServer
 * asyncfn|virtual-threads|netty|selector PORT}. Prints {@code READY} once it accepts connections,
 * then runs until killed.
 */
public final class EchoServer {
  private EchoServer() {}

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int port = Integer.parseInt(args[1]);
    switch (kind) {
      case "asyncfn" -> asyncfn(port);
      case "virtual-threads" -> virtualThreads(port);
      case "netty" -> netty(port);
      case "selector" -> selector(port);
      default -> throw new IllegalArgumentException("unknown server " + kind);
    }
  }

  private static void ready() {
    System.out.println("READY");
    System.out.flush();
  }

  private static void asyncfn(int port) {
    try (AsyncRuntime rt = AsyncRuntime.builder().multiThread().workerThreads(1).build()) {
      TcpListener listener = rt.blockOn(TcpListener.bind(new InetSocketAddress("127.0.0.1", port)));
      ready();
      rt.blockOn(rt.spawn(AsyncEchoAsync.serve(listener)));
    }
  }

  private static void virtualThreads(int port) throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
      ready();
      while (true) {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        VirtualThreads.start(() -> echoBlocking(socket));
      }
    }
  }

  private static void echoBlocking(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      byte[] buf = new byte[4096];
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      // the client went away; nothing to echo to
    }
  }

  private static void netty(int port) throws InterruptedException {
    NioEventLoopGroup loop = new NioEventLoopGroup(1);
    try {
      ServerBootstrap b =
          new ServerBootstrap()
              .group(loop)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 4096)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<io.netty.channel.socket.SocketChannel>() {
                    @Override
                    protected void initChannel(io.netty.channel.socket.SocketChannel ch) {
                      ch.pipeline().addLast(NettyEcho.INSTANCE);
                    }
                  });
      b.bind("127.0.0.1", port).sync();
      ready();
      Thread.currentThread().join();
    } finally {
      loop.shutdownGracefully();
    }
  }

  /** Netty's echo handler: write what was read, flush once per read burst. */
  @ChannelHandler.Sharable
  static final class NettyEcho extends ChannelInboundHandlerAdapter {
    static final NettyEcho INSTANCE = new NettyEcho();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** A hand-written selector loop: the floor of what NIO costs, with no framework at all. */
  private static void selector(int port) throws IOException {
    try (Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      ready();
      while (true) {
        selector.select();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            SocketChannel ch;
            while ((ch = server.accept()) != null) {
              ch.configureBlocking(false);
              ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
              ch.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(4096));
            }
            continue;
          }
          SocketChannel ch = (SocketChannel) key.channel();
          ByteBuffer buf = (ByteBuffer) key.attachment();
          try {
            if (key.isReadable()) {
              int n = ch.read(buf);
              if (n < 0) {
                key.cancel();
                ch.close();
                continue;
              }
            }
            buf.flip();
            ch.write(buf);
            buf.compact();
            // Wait for writability only while bytes are left over (backpressure).
            key.interestOps(buf.position() > 0 ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
          } catch (IOException e) {
            key.cancel();
            ch.close();
          }
        }
      }
    }
  }
}
