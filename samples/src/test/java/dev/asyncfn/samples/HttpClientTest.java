/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.combinator.Selected2;
import dev.asyncfn.runtime.time.Time;
import dev.asyncfn.samples.http.HttpAsync;
import dev.asyncfn.samples.http.Request;
import dev.asyncfn.samples.http.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** The {@code @Async} HTTP/1.1 client against the JDK's HttpServer and a few hand-made answers. */
class HttpClientTest {
  private static LocalHttpServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = LocalHttpServer.start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static <T> T bounded(ThrowingSupplier<T> body) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), body);
  }

  @Test
  void getWithContentLength() {
    Response r = bounded(() -> Futures.blockOn(HttpAsync.get(server.url("/hello"))));
    assertEquals(200, r.status());
    assertEquals("HTTP/1.1 200 OK", r.statusLine());
    assertEquals("hello from the JDK's HttpServer\n", r.bodyText());
    assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
  }

  @Test
  void getLargeBodyWithContentLength() {
    Response r = bounded(() -> Futures.blockOn(HttpAsync.get(server.url("/bytes?n=1000000"))));
    assertEquals(1_000_000, r.body().length);
    for (int i = 0; i < r.body().length; i++) {
      if (r.body()[i] != (byte) ('a' + i % 26)) {
        throw new AssertionError("byte " + i + " differs");
      }
    }
  }

  @Test
  void getChunkedResponse() {
    Response r = bounded(() -> Futures.blockOn(HttpAsync.get(server.url("/chunked?n=5000"))));
    assertEquals(200, r.status());
    assertEquals("chunked", r.header("transfer-encoding"));
    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= 5000; i++) {
      expected.append("line ").append(i).append('\n');
    }
    assertEquals(expected.toString(), r.bodyText());
  }

  @Test
  void postSendsTheBodyWithContentLength() {
    byte[] body = new byte[200_000];
    new Random(7).nextBytes(body);
    Response r =
        bounded(
            () ->
                Futures.blockOn(
                    HttpAsync.post(server.url("/echo"), "application/octet-stream", body)));
    assertEquals(200, r.status());
    assertEquals("POST", r.header("x-method"));
    assertArrayEquals(body, r.body());
  }

  @Test
  void notFoundIsAResponseNotAnError() {
    Response r = bounded(() -> Futures.blockOn(HttpAsync.get(server.url("/no/such/route"))));
    assertEquals(404, r.status());
  }

  @Test
  void requestHeadNamesHostAndClosesTheConnection() {
    String head =
        new String(Request.get("http://127.0.0.1:8080/a/b?c=d").encode(), StandardCharsets.UTF_8);
    assertTrue(head.startsWith("GET /a/b?c=d HTTP/1.1\r\n"), head);
    assertTrue(head.contains("\r\nHost: 127.0.0.1:8080\r\n"), head);
    assertTrue(head.contains("\r\nConnection: close\r\n"), head);
    assertTrue(head.endsWith("\r\n\r\n"), head);
  }

  @Test
  void onlyPlainHttpUrls() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Request.get("https://127.0.0.1/"));
    assertTrue(e.getMessage().contains("only http://"), e.getMessage());
  }

  /** Serves one connection with {@code answer} (read the request head first), then closes. */
  private static Response rawAnswer(String answer) throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> request =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = raw.accept()) {
                  InputStream in = s.getInputStream();
                  ByteArrayOutputStream head = new ByteArrayOutputStream();
                  while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                      break;
                    }
                    head.write(b);
                  }
                  OutputStream out = s.getOutputStream();
                  // Status and headers first, then the rest: the body arrives in a later read.
                  int split = answer.indexOf("\r\n\r\n") + 4;
                  out.write(answer.substring(0, split).getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                  out.write(answer.substring(split).getBytes(StandardCharsets.ISO_8859_1));
                  return head.toString(StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              });
      Response r =
          Futures.blockOn(HttpAsync.get("http://127.0.0.1:" + raw.getLocalPort() + "/raw"));
      assertTrue(request.join().startsWith("GET /raw HTTP/1.1\r\n"));
      return r;
    }
  }

  @Test
  void bodyWithoutLengthEndsWithTheConnection() {
    Response r = bounded(() -> rawAnswer("HTTP/1.0 200 OK\r\nServer: raw\r\n\r\nuntil the end"));
    assertEquals("HTTP/1.0 200 OK", r.statusLine());
    assertEquals("until the end", r.bodyText());
  }

  @Test
  void chunkExtensionsAndTrailersAreHandled() {
    Response r =
        bounded(
            () ->
                rawAnswer(
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;name=value\r\nhello\r\n"
                        + "7\r\n, world\r\n"
                        + "0\r\nX-Trailer: yes\r\n\r\n"));
    assertEquals("hello, world", r.bodyText());
  }

  @Test
  void noContentHasNoBody() {
    Response r = bounded(() -> rawAnswer("HTTP/1.1 204 No Content\r\n\r\n"));
    assertEquals(204, r.status());
    assertEquals(0, r.body().length);
  }

  @Test
  void truncatedBodyIsAnIoException() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> bounded(() -> rawAnswer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort")));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void malformedStatusLineIsAnIoException() {
    IOException e =
        assertThrows(IOException.class, () -> bounded(() -> rawAnswer("SMTP ready\r\n\r\n")));
    assertTrue(e.getMessage().contains("not an HTTP status line"), e.getMessage());
  }

  @Test
  void aRequestThatLosesASelectClosesItsConnection() throws Exception {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/never";
            CompletableFuture<Selected2<Response, Void>> race =
                CompletableFuture.supplyAsync(
                    () ->
                        Futures.blockOn(
                            Futures.select(
                                HttpAsync.get(url), Time.sleep(Duration.ofMillis(300)))));
            try (Socket accepted = silent.accept()) {
              // The request arrives and is never answered; the timer wins the select.
              assertTrue(race.get(10, TimeUnit.SECONDS).isSecond());
              accepted.setSoTimeout(10_000);
              InputStream in = accepted.getInputStream();
              byte[] head = new byte[8192];
              int n;
              do {
                n = in.read(head);
              } while (n > 0);
              assertEquals(-1, n, "the dropped request's connection was closed");
            }
          }
        });
  }

  @Test
  void refusedConnectionIsTheJdksConnectException() throws Exception {
    // A bound socket that is not listening refuses connections, and its port cannot be reused.
    try (Socket bound = new Socket()) {
      bound.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String url = "http://127.0.0.1:" + bound.getLocalPort() + "/";
      assertThrows(
          ConnectException.class, () -> bounded(() -> Futures.blockOn(HttpAsync.get(url))));
    }
  }
}
