package rhoscope.indexer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an {@code index} run did.
 *
 * @param added processes new to the database
 * @param replaced processes whose file changed since it was last indexed
 * @param unchanged files whose content was already indexed (nothing written)
 * @param failed files that could not be read, parsed or imported, each with why
 */
public record IndexSummary(
    int added, int replaced, int unchanged, List<Failure> failed, long millis) {
  public IndexSummary {
    failed = List.copyOf(failed);
  }

  /** A file that was not indexed, and why (the parse error with line:column, ...). */
  public record Failure(Path path, String reason) {
    public Failure {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
