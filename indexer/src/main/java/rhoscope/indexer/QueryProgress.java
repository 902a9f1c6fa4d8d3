package rhoscope.indexer;

/**
 * Hears a query as it runs, for streamed results and progress bars: first how many candidates the
 * index left to answer, then each candidate's verdict as soon as it is known.
 *
 * <p><b>Threads.</b> {@link #candidates} is called once, on the thread that called {@link
 * ProcessDatabase#query(QueryRequest, QueryProgress)}, before any verdict. {@link #verdict} is
 * called from the database's worker threads, concurrently and in no particular order, as each
 * candidate's check (or cache look-up) finishes: implementations must be thread-safe, and should
 * be quick, since a worker waits for its call before taking the next candidate. Every call has
 * returned by the time {@code query} returns. An exception thrown by either method fails the query;
 * to stop a query early, cancel the {@link rhoscope.engine.Cancellation} it was given instead.
 */
@FunctionalInterface
public interface QueryProgress {
  /** Hears nothing. */
  QueryProgress NONE = verdict -> {};

  /**
   * How many candidates survived the filters and the index: the number of {@link #verdict} calls
   * to expect (fewer when a process is removed while the query runs).
   */
  default void candidates(int candidates) {}

  /**
   * One candidate's verdict, whatever it is ({@code YES}, {@code NO} or {@code UNKNOWN}), cached or
   * freshly checked. Called exactly once per answered candidate, before the query's limit is
   * applied: the query's result holds the verdicts that are not {@code NO}, up to the limit. A
   * candidate the query stopped before its check finished (or began) is never heard of here: it
   * is in the result's {@link QueryResult#unfinished()}.
   */
  void verdict(ProcessVerdict verdict);
}
