package rhoscope.indexer.plan;

import java.util.Objects;
import org.apache.lucene.search.Query;

/** A type's necessary condition on indexed features, and the Lucene query that tests it. */
public record Plan(Condition condition, Query query) {
  public Plan {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(query, "query");
  }

  /** Whether the plan can prune at all. */
  public boolean prunes() {
    return !(condition instanceof Condition.Always);
  }
}
