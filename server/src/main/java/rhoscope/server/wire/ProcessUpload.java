package rhoscope.server.wire;

import java.util.Map;

/**
 * The body of {@code POST /api/processes}; absent fields are null here, and the route fills in the
 * defaults and validates. {@code withGenesis: true} stores a Rholang process to run on RChain's
 * genesis (the server's corpus copy).
 */
public record ProcessUpload(
    String name,
    String dataset,
    SourceFormat format,
    String semantics,
    Map<String, Integer> overrides,
    String source,
    Boolean withGenesis) {}
