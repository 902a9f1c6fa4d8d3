package rhoscope.server.wire;

/**
 * The body of {@code POST /api/query}; absent fields are null, the route applies the defaults.
 * {@code offset} and {@code limit} page the matches, as {@code GET /api/processes} pages its
 * listing. {@code open}/{@code calls} and {@code withGenesis} run each process as a check does.
 */
public record QueryBody(
    String type,
    QueryFilters filters,
    Integer offset,
    Integer limit,
    Long timeoutMs,
    Boolean stream,
    Boolean open,
    Integer calls,
    Boolean withGenesis) {}
