/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 response as {@link Http} read it: status line, headers and the whole body.
 *
 * @param version the protocol of the status line, e.g. {@code HTTP/1.1}
 * @param status the status code, e.g. 200
 * @param reason the reason phrase, possibly empty
 * @param headers header values by lower-case name, in the order received
 * @param body the body after removing any chunked framing
 */
public record Response(
    String version, int status, String reason, Map<String, List<String>> headers, byte[] body) {

  /** The status line as received, e.g. {@code HTTP/1.1 200 OK}. */
  public String statusLine() {
    return reason.isEmpty() ? version + " " + status : version + " " + status + " " + reason;
  }

  /** The first value of header {@code name} (any case), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
