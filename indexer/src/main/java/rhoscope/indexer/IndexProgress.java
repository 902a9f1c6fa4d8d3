package rhoscope.indexer;

import java.nio.file.Path;

/** Told after each file of an {@code index} run: for a progress bar. Called from one thread. */
@FunctionalInterface
public interface IndexProgress {
  /** No progress reporting. */
  IndexProgress NONE = (done, total, file) -> {};

  /**
   * @param done files handled so far (added, unchanged or failed)
   * @param total files in this run
   * @param file the file just handled
   */
  void fileDone(int done, int total, Path file);
}
