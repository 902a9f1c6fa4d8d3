package rhoscope.server.api;

import java.util.Objects;
import rhoscope.engine.check.Verdict;

/** The verdict of one check, its witness when there is one, and the explored state count. */
public record CheckAnswer(
    String type, Verdict verdict, String reason, Witness witness, long states, long elapsedMs) {
  public CheckAnswer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(verdict, "verdict");
  }
}
