package rhoscope.server.api;

import java.util.List;
import java.util.Objects;

/** The answer to a query: the normalised type, the matches (best first) and the statistics. */
public record QueryAnswer(String type, List<Match> matches, QueryStats stats) {
  public QueryAnswer {
    Objects.requireNonNull(type, "type");
    matches = List.copyOf(matches);
    Objects.requireNonNull(stats, "stats");
  }
}
