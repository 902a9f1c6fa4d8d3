package rhoscope.server.wire;

/** The body of {@code POST /api/types/parse}. */
public record TypeBody(String type) {}
