package rhoscope.server.wire;

import java.util.List;
import java.util.Objects;
import rhoscope.engine.check.Verdict;

/**
 * The verdict of one check, as {@code POST /api/check} and {@code rhoscope check --json} write it:
 * the normalised type, how the verdict was reached ({@code method}), why when the verdict is
 * unknown ({@code reason}, absent otherwise), the witness when there is one (absent otherwise), the explored state count, whether the search
 * covered every reachable state, the wall time, and warnings about the query (public names it
 * mentions that the process never uses).
 */
public record CheckAnswer(
    String type,
    Verdict verdict,
    CheckMethod method,
    String reason,
    Witness witness,
    long states,
    boolean complete,
    long elapsedMs,
    List<String> warnings) {
  public CheckAnswer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(method, "method");
    warnings = List.copyOf(warnings);
  }
}
