package rhoscope.indexer.ingest;

import java.util.Objects;
import rhoscope.indexer.catalog.ProcessRecord;

/** What ingest made of one file, before anything is written. */
public sealed interface Prepared {
  SourceFile file();

  /** The stored fingerprint equals the file's: nothing to do. */
  record Unchanged(SourceFile file) implements Prepared {
    public Unchanged {
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * A process to store; {@code replacing} when its identity (path, dataset, import options) held an
   * older version.
   */
  record Ready(SourceFile file, ProcessRecord record, boolean replacing) implements Prepared {
    public Ready {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(record, "record");
    }
  }

  /** The file could not be read, parsed or imported. */
  record Failed(SourceFile file, String reason) implements Prepared {
    public Failed {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
