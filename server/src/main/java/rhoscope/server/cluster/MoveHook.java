package rhoscope.server.cluster;

/**
 * Where a shard's handover stands, told to a hook before it goes on (tests drive a move step by
 * step with it; a member runs without one).
 */
@FunctionalInterface
interface MoveHook {
  MoveHook NONE = (step, shard) -> {};

  enum Step {
    /** The new holder committed the shard's processes; the directory still names this member. */
    COMMITTED,
    /** The directory names the new holder; this member still has its copy. */
    HANDED_OVER
  }

  void at(Step step, String shard) throws InterruptedException;
}
