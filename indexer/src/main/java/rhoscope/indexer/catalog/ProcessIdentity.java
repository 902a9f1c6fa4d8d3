package rhoscope.indexer.catalog;

import java.util.Objects;

/**
 * What makes a stored process the same one again: where it was read from, the dataset it was put
 * in, and how it was translated (the SBML import options spelled as in {@link
 * ProcessRecord#semantics()}: semantics and {@code --set} overrides; empty for Rholang). Indexing a
 * file under an identity already stored replaces that process when the content changed and leaves
 * it alone when not; the same file under another dataset or other import options is another
 * process, so that a wild type and its knock-out can be kept side by side.
 */
public record ProcessIdentity(String path, String dataset, String semantics) {
  public ProcessIdentity {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(semantics, "semantics");
  }
}
