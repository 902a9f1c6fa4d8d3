package rhoscope.server.api;

import java.time.Duration;

/** The JSON bodies the routes accept; each validates itself so that handlers stay translations. */
final class Requests {
  private Requests() {}

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("missing field '" + field + "'");
    }
    return value;
  }

  /** {@code POST /api/processes}. */
  record PutProcess(
      String name, String dataset, SourceFormat format, String semantics, String source) {
    NewProcess toNewProcess() {
      return new NewProcess(
          required(name, "name"),
          dataset == null || dataset.isBlank() ? "user" : dataset,
          format == null ? SourceFormat.RHOLANG : format,
          semantics,
          required(source, "source"));
    }
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
          required(type, "type"),
          filters == null ? ProcessFilter.NONE : filters.toFilter(),
          n,
          budget(timeoutMs, config));
    }
  }

  /** {@code POST /api/check}: {@code process} (inline source) or {@code id} (stored). */
  record Check(
      String process, String id, SourceFormat format, String semantics, String type,
      Long timeoutMs) {
    CheckSpec toSpec(ServerConfig config) {
      boolean inline = process != null && !process.isBlank();
      boolean stored = id != null && !id.isBlank();
      if (inline == stored) {
        throw ApiException.badRequest("give exactly one of 'process' (source) and 'id'");
      }
      CheckSpec.ProcessRef ref =
          inline
              ? new CheckSpec.Inline(format == null ? SourceFormat.RHOLANG : format, semantics, process)
              : new CheckSpec.Stored(id);
      return new CheckSpec(ref, required(type, "type"), budget(timeoutMs, config));
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
