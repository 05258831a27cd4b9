/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples.http;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP/1.1 request to send with {@link Http#send}: method, {@code http://} URL and an optional
 * body. Every request says {@code Connection: close}, so the response ends where the connection
 * does if it has no length of its own.
 */
public final class Request {
  private final String method;
  private final URI uri;
  private final String contentType;
  private final byte[] body;

  private Request(String method, URI uri, String contentType, byte[] body) {
    this.method = method;
    this.uri = uri;
    this.contentType = contentType;
    this.body = body;
  }

  /** A GET of {@code url}. */
  public static Request get(String url) {
    return new Request("GET", parse(url), null, null);
  }

  /** A POST of {@code body} (sent with {@code Content-Length}) to {@code url}. */
  public static Request post(String url, String contentType, byte[] body) {
    return new Request(
        "POST",
        parse(url),
        Objects.requireNonNull(contentType, "contentType"),
        Objects.requireNonNull(body, "body").clone());
  }

  /** The method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The host to connect to. */
  public String host() {
    return uri.getHost();
  }

  /** The port to connect to: the URL's, or 80. */
  public int port() {
    return uri.getPort() == -1 ? 80 : uri.getPort();
  }

  /** The URL as given. */
  public URI uri() {
    return uri;
  }

  /** The request line, headers and body, ready to write to the connection. */
  public byte[] encode() {
    String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      target += "?" + uri.getRawQuery();
    }
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uri.getHost());
    if (uri.getPort() != -1) {
      head.append(':').append(uri.getPort());
    }
    head.append("\r\n");
    head.append("User-Agent: asyncfn-samples\r\n");
    head.append("Accept: */*\r\n");
    head.append("Connection: close\r\n");
    if (body != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      bytes.writeBytes(body);
    }
    return bytes.toByteArray();
  }

  private static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNull(url, "url"));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url + " (" + e.getMessage() + ")", e);
    }
    if (uri.getScheme() == null
        || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http")
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "only http://host[:port]/path URLs are supported (no TLS in this sample), got " + url);
    }
    return uri;
  }

  @Override
  public String toString() {
    return method + " " + uri;
  }
}
