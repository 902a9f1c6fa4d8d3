package rhoscope.engine.state;

/**
 * What a COMM by one receiver on one tuple of messages {@code sends} does to a state: produced
 * thread ids (sorted), the threads it consumes ({@code removed}: the receiver unless persistent,
 * the linear sends unless it peeks; sorted, repeats kept) and the change of the state's
 * fingerprint, {@code delta} = produced hashes minus removed hashes. It lives with the states
 * because each receiving thread memoises its own effects.
 */
public record CommEffect(int[] produced, int[] sends, int[] removed, long delta) {}
