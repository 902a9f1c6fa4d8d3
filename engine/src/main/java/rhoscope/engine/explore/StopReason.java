package rhoscope.engine.explore;

/** Why an exploration ended. Only COMPLETE means every reachable state was explored. */
public enum StopReason {
  COMPLETE,
  STOP_PREDICATE,
  MAX_STATES,
  MAX_DEPTH,
  TIMEOUT,
  /** The memory bound, a visited set refused room to grow, or an OutOfMemoryError. */
  MEMORY,
  /**
   * A COMM would build a value beyond the engine's limits (see
   * {@link rhoscope.engine.reduce.Limits}): the state it leaves cannot be represented.
   */
  VALUE_TOO_LARGE,
  /** The run's {@link rhoscope.engine.Cancellation} token was cancelled: nobody wants the answer. */
  CANCELLED
}
