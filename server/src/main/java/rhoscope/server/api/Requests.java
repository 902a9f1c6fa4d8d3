package rhoscope.server.api;

import java.time.Duration;
import java.util.Map;

/** The JSON bodies the routes accept; each validates itself so that handlers stay translations. */
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

  /** {@code POST /api/processes}. */
  record PutProcess(
      String name,
      String dataset,
      SourceFormat format,
      String semantics,
      Map<String, Integer> overrides,
      String source) {
    NewProcess toNewProcess() {
      String n = required(name, "name");
      String text = required(source, "source");
      SourceFormat f = format == null ? SourceFormat.infer(n, text) : format;
      return new NewProcess(
          n,
          dataset == null || dataset.isBlank() ? "user" : dataset,
          f,
          semantics,
          checkedOverrides(overrides, f),
          text);
    }
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

  /** The {@code filters} of a query. */
  record Filters(String dataset, String name, SourceFormat format) {
    ProcessFilter toFilter() {
      return new ProcessFilter(blankToNull(dataset), blankToNull(name), format);
    }
  }

  /** {@code POST /api/query}. */
  record Query(String type, Filters filters, Integer limit, Long timeoutMs, Boolean stream) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    QuerySpec toSpec(ServerConfig config) {
      int n = limit == null ? DEFAULT_LIMIT : limit;
      if (n < 1 || n > MAX_LIMIT) {
        throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ": " + n);
      }
      return new QuerySpec(
          typeText(type),
          filters == null ? ProcessFilter.NONE : filters.toFilter(),
          n,
          budget(timeoutMs, config));
    }
  }

  /** {@code POST /api/check}: {@code process} (inline source) or {@code id} (stored). */
  record Check(
      String process, String id, SourceFormat format, String semantics,
      Map<String, Integer> overrides, String type, Long timeoutMs) {
    CheckSpec toSpec(ServerConfig config) {
      boolean inline = process != null && !process.isBlank();
      boolean stored = id != null && !id.isBlank();
      if (inline == stored) {
        throw ApiException.badRequest("give exactly one of 'process' (source) and 'id'");
      }
      if (!inline && overrides != null && !overrides.isEmpty()) {
        throw ApiException.badRequest("'overrides' apply to an inline 'process'; a stored one keeps its own");
      }
      SourceFormat f = format == null ? SourceFormat.infer(null, process) : format;
      CheckSpec.ProcessRef ref =
          inline
              ? new CheckSpec.Inline(f, semantics, checkedOverrides(overrides, f), process)
              : new CheckSpec.Stored(id);
      return new CheckSpec(ref, typeText(type), budget(timeoutMs, config));
    }
  }

  /** {@code POST /api/types/parse}. */
  record ParseType(String type) {}

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
