package rhoscope.server.wire;

/**
 * How a query went: {@code processes} in scope, {@code candidates} left after the index pruned,
 * {@code checked} by the model checker, {@code matched} and {@code unknown} among them, {@code
 * cached} verdicts read from the cache, and the wall time.
 */
public record QueryStats(
    long processes, long candidates, long checked, long matched, long unknown, long cached,
    long elapsedMs) {}
