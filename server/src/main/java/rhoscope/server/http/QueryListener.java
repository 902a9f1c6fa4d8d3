package rhoscope.server.http;

import rhoscope.server.wire.Match;

/** Hears a query as it runs; called from the checker's threads, so implementations are thread-safe. */
public interface QueryListener {
  QueryListener NONE =
      new QueryListener() {
        @Override
        public void progress(long checked, long candidates) {}

        @Override
        public void matched(Match match) {}
      };

  /**
   * The type parsed and compiled; the checks begin. Until then the query may still fail as bad
   * input, after it only by running out of time.
   */
  default void compiled() {}

  /** {@code checked} of {@code candidates} processes have a verdict. */
  void progress(long checked, long candidates);

  /**
   * A process matched (its verdict is not {@code no}); it will also be in the final answer, unless
   * more processes match than the query's limit, when the final answer's choice is the one to show.
   */
  void matched(Match match);
}
