/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.asyncfn.samples;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The command line of one sample: {@code --name value} options and the positional rest. */
final class Args {
  final List<String> positional = new ArrayList<>();
  private final List<String> options = new ArrayList<>();

  private Args() {}

  /** Splits {@code args} into {@code --name value} pairs and positional arguments. */
  static Args parse(List<String> args) {
    Args parsed = new Args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--") && a.length() > 2) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("option " + a + " needs a value");
        }
        parsed.options.add(a);
        parsed.options.add(args.get(++i));
      } else {
        parsed.positional.add(a);
      }
    }
    return parsed;
  }

  /** The value of {@code --name}, or {@code fallback}. */
  String option(String name, String fallback) {
    String value = fallback;
    for (int i = 0; i < options.size(); i += 2) {
      if (options.get(i).equals("--" + name)) {
        value = options.get(i + 1);
      }
    }
    return value;
  }

  int intOption(String name, int fallback) {
    String value = option(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " wants a number, got " + value, e);
    }
  }

  /** The port of {@code --port}, or {@code fallback}; 0 asks for an ephemeral port. */
  int port(int fallback) {
    int port = intOption("port", fallback);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    return port;
  }

  /**
   * Checks that {@code url} points at the loopback interface: the samples talk to this machine
   * only.
   */
  static String loopbackUrl(String url) {
    String host;
    try {
      host = new URI(url).getHost();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
      throw new IllegalArgumentException(
          "the samples only talk to loopback: use http://127.0.0.1:PORT/..., got " + url);
    }
    return url;
  }
}
