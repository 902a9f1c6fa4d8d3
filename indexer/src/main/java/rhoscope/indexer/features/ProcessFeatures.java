package rhoscope.indexer.features;

import java.util.Objects;
import rhoscope.engine.analysis.StaticFeatures;

/** Everything the index knows about one process: its syntax and a bounded run of it. */
public record ProcessFeatures(StaticFeatures statics, ExplorationFeatures exploration) {
  public ProcessFeatures {
    Objects.requireNonNull(statics, "statics");
    Objects.requireNonNull(exploration, "exploration");
  }
}
