/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.runtime.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.stream.AsyncStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BufReader over a scripted source that is pending between chunks. */
class BufReaderTest {

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static List<String> allLines(BufReader in) throws Exception {
    List<String> lines = new ArrayList<>();
    AsyncStream<String> stream = in.lines();
    for (String line; (line = Futures.blockOn(stream.next())) != null; ) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void linesSplitAcrossReadsWithCrLfEmptyLinesAndNoFinalNewline() throws Exception {
    byte[] euro = b("€");   // three bytes, split across two chunks below
    Scripted source = new Scripted(
        b("first\r"), b("\nsec"), b("ond\n\nprice 5"), new byte[] {euro[0]},
        new byte[] {euro[1], euro[2], '\n'}, b("last without newline"));
    BufReader in = new BufReader(source, 4, UTF_8);
    assertEquals(
        List.of("first", "second", "", "price 5€", "last without newline"), allLines(in));
    assertTrue(source.pendings >= 6, "every chunk was preceded by a pending poll");
    assertNull(Futures.blockOn(in.readLine()), "end of stream stays null");
  }

  @Test
  void anEmptySourceHasNoLinesAndATrailingNewlineGivesNoExtraLine() throws Exception {
    assertEquals(List.of(), allLines(new BufReader(new Scripted())));
    assertEquals(List.of("a", "b"), allLines(new BufReader(new Scripted(b("a\nb\n")))));
  }

  @Test
  void readLineIsCancelSafeAPartialLineIsKept() throws Exception {
    Scripted source = new Scripted(b("hel"), b("lo\nworld\n"));
    BufReader in = new BufReader(source);
    Future<String> first = in.readLine();
    // Poll until it has consumed "hel" and is waiting again, then drop it.
    Context cx = Context.noop();
    int polls = 0;
    while (in.buffered() == 0 && polls++ < 10) {
      assertTrue(first.poll(cx).isPending());
      if (source.pendings == 2) {
        break;
      }
    }
    first.cancel();
    assertEquals(1, source.cancels);
    assertEquals("hello", Futures.blockOn(in.readLine()));
    assertEquals("world", Futures.blockOn(in.readLine()));
  }

  @Test
  void readingBytesGivesBufferedAndPartialLineBytesFirstInOrder() throws Exception {
    BufReader in = new BufReader(new Scripted(b("line\nrest of it"), b(" and more")), 8, UTF_8);
    assertEquals("line", Futures.blockOn(in.readLine()));
    byte[] rest = Futures.blockOn(in.readToEnd());
    assertEquals("rest of it and more", new String(rest, UTF_8));
  }

  @Test
  void readExactAndReadToEndThroughTheBufferWaitForLaterChunks() throws Exception {
    // A refill that is pending must not be taken for end of stream (PENDING is negative too).
    BufReader in = new BufReader(new Scripted(b("head\nab"), b("cd"), b("ef"), b("gh")), 8, UTF_8);
    assertEquals("head", Futures.blockOn(in.readLine()));
    byte[] four = new byte[4];
    Futures.blockOn(in.readExact(four));
    assertArrayEquals(b("abcd"), four);
    assertEquals("efgh", new String(Futures.blockOn(in.readToEnd()), UTF_8));
  }

  @Test
  void readExactAndReadToStringOnTheGenericHelpers() throws Exception {
    byte[] four = new byte[4];
    Futures.blockOn(new Scripted(b("ab"), b("cd"), b("ef")).readExact(four));
    assertArrayEquals(b("abcd"), four);
    assertThrows(EOFException.class,
        () -> Futures.blockOn(new Scripted(b("ab")).readExact(new byte[3])));
    assertEquals("xyz", Futures.blockOn(new Scripted(b("x"), b("yz")).readToString()));
    byte[] big = new byte[10_000];
    Arrays.fill(big, (byte) 7);
    byte[] both = Futures.blockOn(new Scripted(big, big).readToEnd());
    assertEquals(20_000, both.length);
    assertArrayEquals(big, Arrays.copyOfRange(both, 10_000, 20_000));
    ByteBuffer none = ByteBuffer.allocate(0);
    assertEquals(0, Futures.blockOn(new Scripted(b("x")).read(none)));
  }

  @Test
  void aReadFutureIsAwaitedOnceAndFailuresAreThrownUnchanged() throws Exception {
    IOException boom = new IOException("boom");
    AsyncRead failing = (cx, dst) -> {
      throw boom;
    };
    Future<Integer> read = failing.read(ByteBuffer.allocate(4));
    assertEquals(boom, assertThrows(IOException.class, () -> Futures.blockOn(read)));
    IllegalStateException again =
        assertThrows(IllegalStateException.class, () -> read.poll(Context.noop()));
    assertTrue(again.getMessage().contains("awaited once"), again.getMessage());
    Poll<String> p = new BufReader(new Scripted()).readLine().poll(Context.noop());
    assertTrue(p.isReady());
    assertNull(p.get());
  }

  @Test
  void linesIsAStreamForTheCombinatorsAndKeepsThePartialLineWhenClosed() throws Exception {
    Scripted source = new Scripted(b("one\ntw"), b("o\nthree\n"));
    BufReader in = new BufReader(source);
    assertEquals(
        List.of("ONE", "TWO"),
        Futures.blockOn(in.lines().map(String::toUpperCase).take(2).toList()));
    assertEquals("three", Futures.blockOn(in.readLine()), "the reader goes on after the view");

    Scripted slow = new Scripted(b("par"), b("tial\n"));
    BufReader in2 = new BufReader(slow);
    AsyncStream<String> lines = in2.lines();
    Context noop = Context.noop();
    assertTrue(lines.pollNext(noop).isPending()); // nothing read yet
    assertTrue(lines.pollNext(noop).isPending()); // "par" read and kept, waiting for more
    lines.close();
    assertEquals(1, slow.cancels, "closing the view forgets the pending read");
    assertEquals("partial", Futures.blockOn(in2.readLine()));
  }
}
