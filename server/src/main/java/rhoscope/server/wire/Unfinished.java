package rhoscope.server.wire;

import java.util.Objects;
import rhoscope.engine.check.Verdict;

/**
 * A candidate a query left without an answer (its time ran out, or it was cancelled): which
 * process, its verdict ({@code unknown}), and why (never started, stopped, or its share of the
 * query's time spent).
 */
public record Unfinished(
    long id, String name, String dataset, SourceFormat format, Verdict verdict, String reason) {
  public Unfinished {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
  }
}
