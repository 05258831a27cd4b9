/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP samples through the command line, against the JDK's HttpServer on loopback. */
class HttpSamplesTest {
  private static LocalHttpServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = LocalHttpServer.start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void httpGetPrintsStatusLineAndBodySize() {
    MainTest.Run r = MainTest.run("http-get", server.url("/bytes?n=12345"));
    assertEquals(0, r.code(), r.out());
    assertEquals("HTTP/1.1 200 OK\nbody: 12345 bytes\n", r.out().replace("\r\n", "\n"));
  }

  @Test
  void httpGetRefusesNonLoopbackUrlsAndNeedsOne() {
    MainTest.Run r = MainTest.run("http-get", "http://example.com/");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.out().contains("the samples only talk to loopback"), r.out());
    assertEquals(2, MainTest.run("http-get").code());
  }

  @Test
  void httpGetReportsARefusedConnection() throws IOException {
    try (java.net.Socket bound = new java.net.Socket()) {
      bound.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
      MainTest.Run r = MainTest.run("http-get", "http://127.0.0.1:" + bound.getLocalPort() + "/");
      assertEquals(1, r.code(), r.out());
      assertTrue(r.out().contains("ConnectException"), r.out());
    }
  }

  @Test
  void concurrentGetPrintsAsTheyCompleteAndTakesTheLongestNotTheSum() {
    MainTest.Run r =
        MainTest.run(
            "concurrent-get",
            server.url("/slow?ms=1500"),
            server.url("/hello"),
            server.url("/slow?ms=1000"),
            server.url("/chunked?n=10"));
    assertEquals(0, r.code(), r.out());
    String[] lines = r.out().replace("\r\n", "\n").split("\n");
    assertEquals(5, lines.length, r.out());
    // The slow ones complete last, in order of their delay, whatever the order of the arguments.
    assertTrue(lines[2].contains("/slow?ms=1000"), r.out());
    assertTrue(lines[3].contains("/slow?ms=1500"), r.out());
    assertTrue(lines[0].startsWith("HTTP/1.1 200 OK"), r.out());
    Matcher total = Pattern.compile("4 requests done in (\\d+) ms").matcher(lines[4]);
    assertTrue(total.matches(), r.out());
    long millis = Long.parseLong(total.group(1));
    // In sequence they would take 2,500 ms at least; at once, about 1,500.
    assertTrue(millis >= 1500 && millis < 2500, r.out());
  }

  @Test
  void concurrentGetReportsAFailureAndGoesOn() throws IOException {
    try (java.net.Socket bound = new java.net.Socket()) {
      bound.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
      String refused = "http://127.0.0.1:" + bound.getLocalPort() + "/";
      MainTest.Run r = MainTest.run("concurrent-get", refused, server.url("/hello"));
      assertEquals(1, r.code(), r.out());
      assertTrue(r.out().contains("FAILED  " + refused), r.out());
      assertTrue(r.out().contains("HTTP/1.1 200 OK  " + server.url("/hello")), r.out());
    }
  }

  @Test
  void timeoutPrintsTheResponseWhenInTime() {
    MainTest.Run r = MainTest.run("timeout", server.url("/slow?ms=50"), "--ms", "5000");
    assertEquals(0, r.code(), r.out());
    assertEquals("HTTP/1.1 200 OK, 12 bytes\n", r.out().replace("\r\n", "\n"));
  }

  @Test
  void timeoutPrintsRequestTimedOut() {
    long start = System.nanoTime();
    MainTest.Run r = MainTest.run("timeout", server.url("/slow?ms=3000"), "--ms", "200");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, r.code(), r.out());
    assertEquals("Request timed out!\n", r.out().replace("\r\n", "\n"));
    // The losing request was dropped, not waited for.
    assertTrue(millis < 2500, "took " + millis + " ms");
  }

  @Test
  void joinDownloadsDestructuresThreeResults() {
    MainTest.Run r =
        MainTest.run(
            "join-downloads",
            server.url("/slow?ms=300"),
            server.url("/bytes?n=5000"),
            server.url("/chunked?n=3"));
    assertEquals(0, r.code(), r.out());
    String out = r.out().replace("\r\n", "\n");
    assertTrue(out.startsWith("first: HTTP/1.1 200 OK, 12 bytes\n"), out);
    assertTrue(out.contains("\nsecond: HTTP/1.1 200 OK, 5000 bytes\n"), out);
    assertTrue(out.contains("\nthird: HTTP/1.1 200 OK, 21 bytes\n"), out);
    assertTrue(out.contains("all three in "), out);
    assertEquals(2, MainTest.run("join-downloads", server.url("/hello")).code());
  }

  @Test
  void sendAsyncAwaitsTheJdkClientAgainstAGivenUrl() {
    MainTest.Run r = MainTest.run("sendasync", server.url("/bytes?n=777"));
    assertEquals(0, r.code(), r.out());
    assertEquals("HttpClient.sendAsync: 200, 777 chars, HTTP_1_1\n", r.out().replace("\r\n", "\n"));
  }

  @Test
  void sendAsyncStartsItsOwnServerWithoutUrl() {
    MainTest.Run r = MainTest.run("sendasync");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().startsWith("HttpClient.sendAsync: 200, 32 chars"), r.out());
  }

  @Test
  void everySampleIsListedOnce() {
    List<String> names = Main.all().stream().map(Sample::name).toList();
    assertEquals(names.stream().distinct().count(), names.size(), names.toString());
    for (String expected :
        List.of(
            "echo-server",
            "echo-client",
            "http-get",
            "concurrent-get",
            "timeout",
            "join-downloads",
            "sendasync",
            "seq-vs-concurrent",
            "spawn-blocking",
            "chat-server",
            "chat-client",
            "hand-made",
            "tour")) {
      assertTrue(names.contains(expected), expected);
    }
  }
}
