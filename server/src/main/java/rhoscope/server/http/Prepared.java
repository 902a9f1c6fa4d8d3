package rhoscope.server.http;

import rhoscope.engine.Cancellation;

/**
 * A query or check whose type is already parsed and compiled (on the request thread, so a
 * malformed type is a 400 that never takes a query slot), ready to run on a query worker. The
 * runner cancels the token when it gives up on the work; the work polls it and returns early.
 */
@FunctionalInterface
public interface Prepared<T> {
  T run(Cancellation cancel);
}
