package rhoscope.indexer.ingest;

import java.util.Objects;
import java.util.Optional;
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

  /**
   * The file could not be read, parsed, imported or (an upload) compiled or printed; {@code error}
   * is the parser's, compiler's or importer's exception where one says where (its line and column),
   * for a caller that owes them to the user.
   */
  record Failed(SourceFile file, String reason, Optional<RuntimeException> error)
      implements Prepared {
    public Failed {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(error, "error");
    }

    /** A failure that has no place in the text (the file could not be read, say). */
    public Failed(SourceFile file, String reason) {
      this(file, reason, Optional.empty());
    }

    /** A failure that {@code error} describes, in its own words and place. */
    static Failed of(SourceFile file, RuntimeException error) {
      return new Failed(file, error.getMessage(), Optional.of(error));
    }
  }
}
