/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The status line and headers of a response while they are read: parsing only, no I/O. */
final class ResponseHead {
  /** Bodies larger than this are refused rather than buffered: the client keeps whole bodies. */
  static final long MAX_BODY = 64L * 1024 * 1024;

  final String version;
  final int status;
  final String reason;
  final Map<String, List<String>> headers = new LinkedHashMap<>();

  private ResponseHead(String version, int status, String reason) {
    this.version = version;
    this.status = status;
    this.reason = reason;
  }

  /** Parses {@code HTTP/1.1 200 OK}. */
  static ResponseHead parseStatusLine(String line) throws IOException {
    if (line == null) {
      throw new IOException("the server closed the connection before sending a status line");
    }
    String[] parts = line.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + line);
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad status code in: " + line, e);
    }
    return new ResponseHead(parts[0], status, parts.length == 3 ? parts[2] : "");
  }

  /** Adds one {@code Name: value} header line. */
  void addHeader(String line) throws IOException {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IOException("malformed header line: " + line);
    }
    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
  }

  /** Whether a body follows at all (RFC 9112 6.3: not for HEAD, 1xx, 204, 304). */
  boolean hasBody(String method) {
    return !method.equals("HEAD") && status >= 200 && status != 204 && status != 304;
  }

  boolean isChunked() {
    List<String> te = headers.get("transfer-encoding");
    return te != null && te.get(te.size() - 1).toLowerCase(Locale.ROOT).endsWith("chunked");
  }

  /** The Content-Length, or -1 when absent (then the body ends when the connection does). */
  int contentLength() throws IOException {
    List<String> values = headers.get("content-length");
    if (values == null) {
      return -1;
    }
    long length;
    try {
      length = Long.parseLong(values.get(0));
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length: " + values.get(0), e);
    }
    if (length < 0 || length > MAX_BODY) {
      throw new IOException("Content-Length " + length + " is outside 0.." + MAX_BODY);
    }
    return (int) length;
  }

  /** Parses a chunk-size line ({@code 1a3f} or {@code 1a3f;ext=1}). */
  static int chunkSize(String line) throws IOException {
    if (line == null) {
      throw new IOException("the connection closed inside a chunked body");
    }
    int semicolon = line.indexOf(';');
    String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
    long size;
    try {
      size = Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size line: " + line, e);
    }
    if (size < 0 || size > MAX_BODY) {
      throw new IOException("chunk size " + size + " is outside 0.." + MAX_BODY);
    }
    return (int) size;
  }

  Response toResponse(byte[] body) {
    return new Response(version, status, reason, headers, body);
  }
}
