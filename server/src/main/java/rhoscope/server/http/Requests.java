package rhoscope.server.http;

import rhoscope.engine.open.OpenSystem;
import rhoscope.indexer.IndexOptions;
import java.time.Duration;
import java.util.Map;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.CheckBody;
import rhoscope.server.wire.ProcessUpload;
import rhoscope.server.wire.QueryBody;
import rhoscope.server.wire.QueryFilters;
import rhoscope.server.wire.SourceFormat;

/** Turns the request bodies into the service's specs, with defaults and validation, so that handlers stay translations. */
final class Requests {
  private Requests() {}

  /**
   * The longest type text accepted, in characters: real queries are a few hundred; a larger one is
   * refused before it is parsed or takes a query slot.
   */
  static final int MAX_TYPE_CHARS = 16 * 1024;

  static String typeText(String value) {
    String type = required(value, "type");
    if (type.length() > MAX_TYPE_CHARS) {
      throw new ApiException(
          413, "type_too_large",
          "field 'type' holds " + type.length() + " characters; the limit is " + MAX_TYPE_CHARS);
    }
    return type;
  }

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("missing field '" + field + "'");
    }
    return value;
  }

  /**
   * {@code value} of the field {@code field}, a dataset or process name, or null, if it is no
   * longer than {@link IndexOptions#MAX_NAME_CHARS}.
   */
  static String name(String value, String field) {
    if (value != null && value.length() > IndexOptions.MAX_NAME_CHARS) {
      throw ApiException.badRequest(
          "field '" + field + "' holds " + value.length() + " characters; the limit is "
              + IndexOptions.MAX_NAME_CHARS);
    }
    return value;
  }

  /** {@code POST /api/processes}: the defaults filled in, the fields validated. */
  static NewProcess newProcess(ProcessUpload body) {
    String n = name(required(body.name(), "name"), "name");
    String text = required(body.source(), "source");
    SourceFormat f = body.format() == null ? SourceFormat.infer(n, text) : body.format();
    boolean withGenesis = Boolean.TRUE.equals(body.withGenesis());
    if (withGenesis && f == SourceFormat.SBML) {
      throw ApiException.badRequest(
          "'withGenesis' runs a Rholang process on RChain's genesis contracts; this process is SBML");
    }
    return new NewProcess(
        n,
        body.dataset() == null || body.dataset().isBlank() ? "user" : name(body.dataset(), "dataset"),
        f,
        body.semantics(),
        checkedOverrides(body.overrides(), f),
        text,
        withGenesis);
  }

  /** SBML species overrides ({@code {"E1": 0}}): SBML only, no nulls, none negative. */
  static Map<String, Integer> checkedOverrides(Map<String, Integer> given, SourceFormat format) {
    if (given == null || given.isEmpty()) {
      return Map.of();
    }
    if (format != SourceFormat.SBML) {
      throw ApiException.badRequest("'overrides' set SBML species' initial values; this process is Rholang");
    }
    for (Map.Entry<String, Integer> e : given.entrySet()) {
      if (e.getKey().isBlank() || e.getValue() == null || e.getValue() < 0) {
        throw ApiException.badRequest(
            "'overrides' maps species ids to initial values, integers 0 or more: '"
                + e.getKey() + "': " + e.getValue());
      }
    }
    return Map.copyOf(given);
  }

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;
  /** Deeper pages than this are not worth checking that many processes for. */
  static final int MAX_OFFSET = 1_000_000;

  /** {@code POST /api/query}. */
  static QuerySpec querySpec(QueryBody body, ServerConfig config) {
    int n = body.limit() == null ? DEFAULT_LIMIT : body.limit();
    if (n < 1 || n > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ": " + n);
    }
    int offset = body.offset() == null ? 0 : body.offset();
    if (offset < 0 || offset > MAX_OFFSET) {
      throw ApiException.badRequest("offset must be between 0 and " + MAX_OFFSET + ": " + offset);
    }
    QueryFilters filters = body.filters();
    return new QuerySpec(
        typeText(body.type()),
        filters == null
            ? ProcessFilter.NONE
            : new ProcessFilter(
                blankToNull(name(filters.dataset(), "filters.dataset")),
                blankToNull(name(filters.name(), "filters.name")),
                filters.format()),
        offset,
        n,
        budget(body.timeoutMs(), config),
        calls(body.open(), body.calls()),
        Boolean.TRUE.equals(body.withGenesis()));
  }

  /** The most calls an open check's client may make: each one multiplies the states. */
  static final int MAX_CALLS = 8;

  /**
   * {@code open} and {@code calls} of a body: closed when neither is given, {@code calls} calls
   * (default {@link OpenSystem#DEFAULT_CALLS}) when open, and {@code calls} alone opens.
   */
  static int calls(Boolean open, Integer calls) {
    if (calls != null && (calls < 0 || calls > MAX_CALLS)) {
      throw ApiException.badRequest("calls must be between 0 and " + MAX_CALLS + ": " + calls);
    }
    if (Boolean.FALSE.equals(open) && calls != null && calls > 0) {
      throw ApiException.badRequest("'calls' makes a check open; it contradicts 'open': false");
    }
    if (calls != null) {
      return calls;
    }
    return Boolean.TRUE.equals(open) ? OpenSystem.DEFAULT_CALLS : 0;
  }

  /** {@code POST /api/check}: {@code process} (inline source) or {@code id} (stored). */
  static CheckSpec checkSpec(CheckBody body, ServerConfig config) {
    String process = body.process();
    boolean inline = process != null && !process.isBlank();
    boolean stored = body.id() != null;
    if (inline == stored) {
      throw ApiException.badRequest("give exactly one of 'process' (source) and 'id'");
    }
    if (!inline && body.overrides() != null && !body.overrides().isEmpty()) {
      throw ApiException.badRequest("'overrides' apply to an inline 'process'; a stored one keeps its own");
    }
    SourceFormat f = body.format() == null ? SourceFormat.infer(null, process) : body.format();
    CheckSpec.ProcessRef ref =
        inline
            ? new CheckSpec.Inline(f, body.semantics(), checkedOverrides(body.overrides(), f), process)
            : new CheckSpec.Stored(Long.toString(body.id()));
    return new CheckSpec(ref, typeText(body.type()), budget(body.timeoutMs(), config),
        calls(body.open(), body.calls()),
        Boolean.TRUE.equals(body.withGenesis()));
  }

  static Duration budget(Long timeoutMs, ServerConfig config) {
    if (timeoutMs == null) {
      return config.defaultQueryTimeout();
    }
    if (timeoutMs < 1 || timeoutMs > config.maxQueryTimeout().toMillis()) {
      throw ApiException.badRequest(
          "timeoutMs must be between 1 and " + config.maxQueryTimeout().toMillis() + ": "
              + timeoutMs);
    }
    return Duration.ofMillis(timeoutMs);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
