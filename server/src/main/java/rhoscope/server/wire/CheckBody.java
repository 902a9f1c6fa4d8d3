package rhoscope.server.wire;

import java.util.Map;

/**
 * The body of {@code POST /api/check}: {@code process} (inline source, with its {@code format},
 * {@code semantics} and {@code overrides}) or {@code id} (a stored process), and the type;
 * {@code open} and {@code calls}: beside a most-general client making up to {@code calls} calls.
 */
public record CheckBody(
    String process,
    Long id,
    SourceFormat format,
    String semantics,
    Map<String, Integer> overrides,
    String type,
    Long timeoutMs,
    Boolean open,
    Integer calls) {}
