package dev.asyncfn.samples.http;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import dev.asyncfn.runtime.net.TcpStream;
import java.io.IOException;

/**
 * The future of one request ({@link Http#send}): the generated exchange, plus closing its
 * connection when the request is cancelled.
 *
 * <p>Why a hand-written future: cancelling a generated state machine does not run the finally
 * blocks around its current await yet (TODO(#5) in the processor), so the exchange's
 * try-with-resources would not close the socket of a request that lost a select or timed out.
 * Once it does, this class can go and {@code send} can be an {@code @Async} method again.
 */
final class RequestFuture implements ThrowingFuture<Response, IOException> {
  private final Connection connection = new Connection();
  private final ThrowingFuture<Response, IOException> exchange;

  RequestFuture(Request request) {
    exchange = HttpAsync.exchange(request, connection);
  }

  @Override
  public Poll<Response> poll(Context cx) {
    return exchange.poll(cx);
  }

  @Override
  public void cancel() {
    exchange.cancel();
    connection.cancel();
  }

  /** Where the exchange keeps its socket once connected, so that cancel() can close it. */
  static final class Connection {
    private TcpStream stream;
    private boolean cancelled;

    /** Keeps {@code stream}; closes it at once if the request was cancelled meanwhile. */
    TcpStream hold(TcpStream stream) throws IOException {
      boolean closeNow;
      synchronized (this) {
        this.stream = stream;
        closeNow = cancelled;
      }
      if (closeNow) {
        stream.close();
      }
      return stream;
    }

    void cancel() {
      TcpStream toClose;
      synchronized (this) {
        cancelled = true;
        toClose = stream;
      }
      if (toClose != null) {
        try {
          toClose.close();
        } catch (IOException e) {
          // Best effort: the request is abandoned either way.
        }
      }
    }
  }
}
