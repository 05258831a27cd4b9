package dev.asyncfn.processor;

import dev.asyncfn.runtime.Future;
import dev.asyncfn.runtime.Futures;
import dev.asyncfn.runtime.Poll;
import dev.asyncfn.runtime.ThrowingFuture;
import java.util.ArrayList;
import java.util.List;

/** Futures for processor tests: pending once (waking at once), then ready; and a trace log. */
public final class Later {
  private Later() {}

  /** When false, {@link #later} futures are ready at once (the "ready" run of a case). */
  public static boolean pendingFirst = true;

  public static final List<String> TRACE = new ArrayList<>();

  public static void log(Object x) {
    TRACE.add(String.valueOf(x));
  }

  public static <T> Future<T> later(T value) {
    if (!pendingFirst) {
      return Futures.ready(value);
    }
    boolean[] polled = {false};
    return cx -> {
      if (!polled[0]) {
        polled[0] = true;
        cx.waker().wake();
        return Poll.pending();
      }
      return Poll.ready(value);
    };
  }

  public static <T> Future<T> laterFail(Throwable t) {
    boolean[] polled = {!pendingFirst};
    return cx -> {
      if (!polled[0]) {
        polled[0] = true;
        cx.waker().wake();
        return Poll.pending();
      }
      throw Later.<RuntimeException>sneaky(t);
    };
  }

  /** A future that fails with a checked exception the awaiting code can catch as such. */
  public static <T, X extends Exception> ThrowingFuture<T, X> laterThrow(X t) {
    Future<T> f = laterFail(t);
    return f::poll;
  }

  @SuppressWarnings("unchecked")
  private static <X extends Throwable> X sneaky(Throwable t) throws X {
    throw (X) t;
  }
}
