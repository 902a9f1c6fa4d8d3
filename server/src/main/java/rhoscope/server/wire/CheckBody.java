package rhoscope.server.wire;

import java.util.Map;

/**
 * The body of {@code POST /api/check}: {@code process} (inline source, with its {@code format},
 * {@code semantics} and {@code overrides}) or {@code id} (a stored process), and the type;
 * {@code withGenesis: true} runs it on top of RChain's genesis contracts (the server's corpus
 * copy); a stored process indexed on a genesis always runs on that one, as its features were
 * derived.
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
    Boolean withGenesis,
    Boolean open,
    Integer calls) {}
