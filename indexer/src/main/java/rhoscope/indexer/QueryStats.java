package rhoscope.indexer;

/**
 * How a query went.
 *
 * @param total processes in scope (after the dataset, format, text and name filters)
 * @param prunedByIndex processes the index ruled out without model checking
 * @param checked processes model checked now (unfinished ones whose check started included)
 * @param fromCache processes answered from the verdict cache
 * @param matched processes that have the type
 * @param unknown processes answered unknown: a check that hit a bound, or one left unfinished
 * @param millis wall time of the whole query
 */
public record QueryStats(
    int total,
    int prunedByIndex,
    int checked,
    int fromCache,
    int matched,
    int unknown,
    long millis) {}
