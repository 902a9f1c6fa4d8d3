package rhoscope.server.wire;

import java.util.Map;

/**
 * The body of {@code POST /api/check}: {@code process} (inline source, with its {@code format},
 * {@code semantics} and {@code overrides}) or {@code id} (a stored process), and the type.
 */
public record CheckBody(
    String process,
    Long id,
    SourceFormat format,
    String semantics,
    Map<String, Integer> overrides,
    String type,
    Long timeoutMs) {}
