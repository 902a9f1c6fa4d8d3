package rhoscope.server.http;

import rhoscope.engine.Cancellation;

/**
 * A query, check or parse ready to run on a query worker. It does all its parsing, compiling and
 * checking when it runs, on the worker, so that no input, however it expands, holds a request
 * thread. It gives the checker what is left of the {@link Deadline} and reports the real time
 * since the request's arrival. The runner cancels the token when the budget is spent (the work
 * polls it and returns what it has) and interrupts the thread when it gives up on the work (the
 * parser stops at its next token).
 */
@FunctionalInterface
public interface Prepared<T> {
  T run(Cancellation cancel, Deadline deadline);
}
