package rhoscope.indexer.sbml;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/** Checks {@code --set} overrides against the species a model declares. */
final class Overrides {
  private Overrides() {}

  /**
   * @throws SbmlImportException naming the unknown species and the declared ones, so that a typo in
   *     a knock-out is not silently a no-op
   */
  static void requireKnown(String source, Map<String, Integer> overrides, Collection<String> ids) {
    TreeSet<String> unknown = new TreeSet<>(overrides.keySet());
    unknown.removeAll(ids);
    if (!unknown.isEmpty()) {
      throw new SbmlImportException(
          source,
          "--set names species that the model does not declare: "
              + String.join(", ", unknown)
              + " (declared: "
              + String.join(", ", new TreeSet<>(ids))
              + ")");
    }
  }
}
