package rhoscope.indexer.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import rhoscope.indexer.catalog.ProcessFormat;

/** A file to ingest, with the dataset it belongs to. */
public record SourceFile(Path path, String dataset, ProcessFormat format) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(format, "format");
  }

  /** The format a file name says: {@code .rho} is Rholang, {@code .xml}/{@code .sbml} SBML. */
  public static Optional<ProcessFormat> formatOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".rho")) {
      return Optional.of(ProcessFormat.RHOLANG);
    }
    if (lower.endsWith(".xml") || lower.endsWith(".sbml")) {
      return Optional.of(ProcessFormat.SBML);
    }
    return Optional.empty();
  }
}
