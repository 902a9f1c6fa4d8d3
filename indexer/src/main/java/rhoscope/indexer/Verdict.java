package rhoscope.indexer;

/** A process's answer to a query. */
public enum Verdict {
  /** The process has the type. */
  HOLDS,
  /** The process does not have the type. */
  FAILS,
  /** A bound (states, time) cut the check short; the answer is not known. */
  UNKNOWN
}
