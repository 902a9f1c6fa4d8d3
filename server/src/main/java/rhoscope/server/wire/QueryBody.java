package rhoscope.server.wire;

/** The body of {@code POST /api/query}; absent fields are null, the route applies the defaults. */
public record QueryBody(
    String type, QueryFilters filters, Integer limit, Long timeoutMs, Boolean stream,
    Boolean open, Integer calls) {}
