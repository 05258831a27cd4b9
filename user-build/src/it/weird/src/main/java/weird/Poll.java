/*
 * Copyright 2026 The asyncfn Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package weird;

/** A user class named like the runtime's Poll, in the same package as generated code. */
public record Poll(String question, int votes) {
  public Poll vote() {
    return new Poll(question, votes + 1);
  }
}
