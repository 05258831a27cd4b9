/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples.http;

import static dev.asyncfn.runtime.Futures.await;

import dev.asyncfn.Async;
import dev.asyncfn.runtime.io.BufReader;
import dev.asyncfn.runtime.net.TcpStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A small HTTP/1.1 client on {@link TcpStream}, written with {@code @Async}: the "cheapo request"
 * of the async books grown up. It sends GET or POST with {@code Connection: close} and reads the
 * whole response, whether its body is framed by {@code Content-Length}, by chunked transfer coding,
 * or by the end of the connection.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Response r = Futures.blockOn(HttpAsync.get("http://127.0.0.1:8080/"));
 * Response p = Futures.blockOn(HttpAsync.send(Request.post(url, "text/plain", bytes)));
 * System.out.println(r.statusLine() + ", " + r.body().length + " bytes");
 * }</pre>
 *
 * <h2>Cancellation</h2>
 *
 * Dropping a request future (a lost select, a timeout) stops it, cancels the I/O it awaits and
 * closes its connection.
 *
 * <h2>Throws</h2>
 *
 * {@link IOException} for connection failures (unchanged, e.g. {@code ConnectException}) and for
 * malformed responses.
 */
public final class Http {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private Http() {}

  /** GET {@code url}. */
  @Async
  public static Response get(String url) throws IOException {
    return await(HttpAsync.send(Request.get(url)));
  }

  /** POST {@code body} to {@code url}. */
  @Async
  public static Response post(String url, String contentType, byte[] body) throws IOException {
    return await(HttpAsync.send(Request.post(url, contentType, body)));
  }

  /**
   * Sends {@code request} on a new connection and reads the whole response. The connection is a
   * try-with-resources resource, so it is closed on every path: success, failure, and cancellation
   * (a request dropped by a select or a timeout runs the close around its current await).
   */
  @Async
  public static Response send(Request request) throws IOException {
    try (TcpStream stream =
        await(TcpStream.connect(request.host(), request.port(), CONNECT_TIMEOUT))) {
      await(stream.writeAll(request.encode()));
      BufReader reader = new BufReader(stream);
      ResponseHead head = ResponseHead.parseStatusLine(await(reader.readLine()));
      while (true) {
        String line = await(reader.readLine());
        if (line == null) {
          throw new IOException("the server closed the connection inside the headers");
        }
        if (line.isEmpty()) {
          break;
        }
        head.addHeader(line);
      }
      byte[] body;
      if (!head.hasBody(request.method())) {
        body = new byte[0];
      } else if (head.isChunked()) {
        body = await(HttpAsync.readChunked(reader));
      } else if (head.contentLength() >= 0) {
        body = new byte[head.contentLength()];
        await(reader.readExact(ByteBuffer.wrap(body)));
      } else {
        body = await(reader.readToEnd());
      }
      return head.toResponse(body);
    }
  }

  /** Reads a chunked body (RFC 9112 7.1) up to and including its trailer section. */
  @Async
  static byte[] readChunked(BufReader reader) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = ResponseHead.chunkSize(await(reader.readLine()));
      if (size == 0) {
        break;
      }
      if (body.size() + (long) size > ResponseHead.MAX_BODY) {
        throw new IOException("chunked body larger than " + ResponseHead.MAX_BODY + " bytes");
      }
      byte[] chunk = new byte[size];
      await(reader.readExact(ByteBuffer.wrap(chunk)));
      body.write(chunk, 0, size);
      String end = await(reader.readLine());
      if (end == null || !end.isEmpty()) {
        throw new IOException("a chunk is not followed by CRLF");
      }
    }
    // Trailer fields, if any, are read and ignored: the connection closes after them anyway.
    String trailer = await(reader.readLine());
    while (trailer != null && !trailer.isEmpty()) {
      trailer = await(reader.readLine());
    }
    return body.toByteArray();
  }
}
