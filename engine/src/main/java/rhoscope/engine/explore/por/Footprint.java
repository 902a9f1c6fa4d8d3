package rhoscope.engine.explore.por;

/**
 * What the reduction needs to know of one interned thread, computed once from its term.
 * Channels are numbered by {@link Footprints} (not by the thread table: they are compared with
 * the channels a continuation names, which the table never sees).
 *
 * @param key the thread's structural hash up to the renamings the state identity ignores
 *     (names' numbers, unobserved identifiers), the same in every run and in every copy of a
 *     state: candidate groups are ranked by it, so the choice never depends on interning order
 *     nor on which copy of a state a worker stored
 * @param send whether the thread is a message (its one channel is {@code channels[0]})
 * @param channels every channel the thread sends on or listens on (all branches of a select)
 * @param branches for a receive, the channels of each branch's binds (one branch unless a select)
 * @param deep the existing channels a continuation of the thread may, at any depth, put a thread
 *     on; a name the continuation creates with {@code new} is fresh and never among them
 * @param deepTop whether the continuation may put a thread on a channel that only its data
 *     decides (a received name, an evaluated received process): any channel at all
 * @param visible whether one COMM of the receive may consume or produce a thread on an observed
 *     channel
 * @param shrinks whether every COMM of the receive consumes it and produces fewer receives than
 *     it held (a linear receive, a peek or a select whose continuations run no received
 *     process): the measure behind the cycle proviso, see {@link StubbornSets}
 */
record Footprint(
    long key,
    boolean send,
    int[] channels,
    int[][] branches,
    int[] deep,
    boolean deepTop,
    boolean visible,
    boolean shrinks) {}
