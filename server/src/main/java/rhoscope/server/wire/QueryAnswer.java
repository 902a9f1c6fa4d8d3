package rhoscope.server.wire;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a query: the normalised type, the index condition the candidates had to meet
 * ({@code plan}, readable), the matches (yes before unknown) and the statistics.
 */
public record QueryAnswer(String type, String plan, List<Match> matches, QueryStats stats) {
  public QueryAnswer {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(plan, "plan");
    matches = List.copyOf(matches);
    Objects.requireNonNull(stats, "stats");
  }
}
