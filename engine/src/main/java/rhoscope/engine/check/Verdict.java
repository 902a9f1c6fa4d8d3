package rhoscope.engine.check;

/** The answer to {@code P : T}. */
public enum Verdict {
  /** The process has the type. */
  YES,
  /** The process does not have the type. */
  NO,
  /** A bound cut exploration short and the unexplored part could change the answer. */
  UNKNOWN
}
