package rhoscope.engine.explore;

/** Why an exploration ended. Only COMPLETE means every reachable state was explored. */
public enum StopReason {
  COMPLETE,
  STOP_PREDICATE,
  MAX_STATES,
  MAX_DEPTH,
  TIMEOUT,
  MEMORY
}
