package rhoscope.server.api;

import java.util.List;
import java.util.Objects;
import rhoscope.engine.check.Verdict;

/**
 * The verdict of one check, its witness when there is one, the explored state count, and
 * warnings about the query (public names it mentions that the process never uses).
 */
public record CheckAnswer(
    String type,
    Verdict verdict,
    String reason,
    Witness witness,
    long states,
    long elapsedMs,
    List<String> warnings) {
  public CheckAnswer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(verdict, "verdict");
    warnings = List.copyOf(warnings);
  }
}
