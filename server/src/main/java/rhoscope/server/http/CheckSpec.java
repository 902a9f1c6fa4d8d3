package rhoscope.server.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import rhoscope.server.wire.SourceFormat;

/**
 * Checks one process against a type without storing it: the process is inline or a stored id;
 * {@code calls} above 0 checks it beside a most-general client making that many calls;
 * {@code withGenesis}: on top of RChain's genesis contracts.
 */
public record CheckSpec(
    ProcessRef process, String type, Duration timeout, int calls, boolean withGenesis) {
  public CheckSpec {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timeout, "timeout");
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative: " + calls);
    }
  }

  /** The closed process, without the genesis environment. */
  public CheckSpec(ProcessRef process, String type, Duration timeout) {
    this(process, type, timeout, 0, false);
  }

  /** Which process to check. */
  public sealed interface ProcessRef {}

  /** A stored process, by id. */
  public record Stored(String id) implements ProcessRef {
    public Stored {
      Objects.requireNonNull(id, "id");
    }
  }

  /** A process given in the request. */
  public record Inline(
      SourceFormat format, String semantics, Map<String, Integer> overrides, String source)
      implements ProcessRef {
    public Inline {
      overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(source, "source");
    }
  }
}
