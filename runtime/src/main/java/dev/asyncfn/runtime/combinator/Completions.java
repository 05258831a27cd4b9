package dev.asyncfn.runtime.combinator;

import dev.asyncfn.runtime.Context;
import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Poll;
import java.util.ArrayList;
import java.util.NoSuchElementException;

/**
 * A set of futures run concurrently whose outputs are taken one at a time, in the order they
 * finish: {@code Futures.unordered(...)}, the counterpart of futures-rs's {@code
 * FuturesUnordered} (and of Rust's {@code select!} over {@code &mut} futures in a loop).
 *
 * <p>Unlike {@code select}, taking one output does not drop the others: they stay in the set and
 * keep their progress until their turn comes.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * Completions<Response> inFlight = Futures.unordered(List.of(get(url1), get(url2)));
 * while (!inFlight.isEmpty()) {
 *   Response r = await(inFlight.next());   // whichever finishes first
 *   System.out.println(r.status());
 * }
 * }</pre>
 *
 * <h2>next()</h2>
 *
 * {@link #next()} returns a future of the next output. Each of its polls polls the futures still
 * in the set, in the order they were added, and completes with the first that is ready, removing
 * it from the set. A future that fails is removed too, and {@code next()} fails with its
 * exception, unchanged; the others stay. Awaiting {@code next()} on an empty set fails with
 * {@link NoSuchElementException}: check {@link #isEmpty()} first (Rust's {@code None}).
 *
 * <h2>Cancellation and cancel safety</h2>
 *
 * The future returned by {@code next()} is cancel-safe: cancelling it (for example because it
 * lost a {@code select} against a timer) cancels nothing in the set and loses no output, since an
 * output is only removed in the same poll that returns it. {@link #close()} cancels every future
 * still in the set, once each; use the set in try-with-resources so that none outlives the scope.
 *
 * <h2>Thread safety</h2>
 *
 * Not thread-safe: the set belongs to one task, which adds to it and awaits {@code next()}. The
 * futures in it may wake that task from any thread.
 *
 * @param <T> the output type
 */
public final class Completions<T> implements AutoCloseable {
  private final ArrayList<Future<? extends T>> futures = new ArrayList<>();
  private boolean closed;

  /** An empty set; {@link #add} futures to it. */
  public Completions() {}

  /** A set holding {@code futures}, in order. */
  public Completions(Iterable<? extends Future<? extends T>> futures) {
    for (Future<? extends T> f : futures) {
      add(f);
    }
  }

  /**
   * Adds {@code future} to the set (futures-rs's {@code push}). It is first polled by the next
   * poll of a {@link #next()} future.
   *
   * @throws IllegalStateException if the set was closed
   */
  public void add(Future<? extends T> future) {
    if (future == null) {
      throw new NullPointerException(
          "Completions.add(future): future is null; pass a Future, e.g. Futures.ready(value)");
    }
    if (closed) {
      throw new IllegalStateException(
          "Completions.add(future) after close(): the set cancelled its futures; create a new set");
    }
    futures.add(future);
  }

  /** How many futures have not been taken by {@link #next()} yet. */
  public int size() {
    return futures.size();
  }

  /** Whether every future has been taken: then {@link #next()} has nothing to wait for. */
  public boolean isEmpty() {
    return futures.isEmpty();
  }

  /**
   * A future of the output of the next future in the set to finish. See the class documentation.
   */
  public Future<T> next() {
    return new Next();
  }

  /**
   * Cancels every future still in the set, once each, in the order they were added, and empties
   * it. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    Future<?>[] rest = futures.toArray(new Future<?>[0]);
    futures.clear();
    Throwable t = Failures.cancelAll(rest);
    if (t != null) {
      throw Failures.sneaky(t);
    }
  }

  /** The output of one future of the set; removed from the set in the poll that returns it. */
  private final class Next implements Future<T> {
    private boolean done;

    @Override
    public Poll<T> poll(Context cx) {
      if (done) {
        throw new IllegalStateException(
            "Completions.next() future polled after it completed: call next() again for the"
                + " next output");
      }
      if (futures.isEmpty()) {
        done = true;
        throw new NoSuchElementException(
            closed
                ? "Completions.next() after close(): the set was closed"
                : "Completions.next() on an empty set: check isEmpty() before awaiting next()");
      }
      // An index loop: an iterator would allocate on every poll.
      for (int i = 0; i < futures.size(); i++) {
        Future<? extends T> f = futures.get(i);
        Poll<? extends T> p;
        try {
          p = f.poll(cx);
        } catch (Throwable t) {
          futures.remove(i);
          done = true;
          throw t;
        }
        if (p.isReady()) {
          futures.remove(i);
          done = true;
          @SuppressWarnings("unchecked") // Poll is immutable, so Poll<? extends T> is a Poll<T>.
          Poll<T> ready = (Poll<T>) p;
          return ready;
        }
      }
      return Poll.pending();
    }

    // cancel(): the default does nothing, which is what makes next() cancel-safe.
  }
}
