package rhoscope.indexer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.indexer.sbml.ImportWarning;
import rhoscope.indexer.sbml.ImportedModel;
import rhoscope.indexer.sbml.SbmlImporter;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.parse.ProcessParser;

/** Reads a source file into a process: Rholang by the parser, SBML by the importer. */
public final class Loader {
  private Loader() {}

  /** The file's text, read as UTF-8. */
  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses or imports already-read text.
   *
   * @throws rhoscope.lang.diag.LangException for Rholang that does not parse
   * @throws rhoscope.indexer.sbml.SbmlImportException for SBML that cannot be translated
   */
  public static LoadedProcess load(SourceFile file, String text, ImportOptions sbml) {
    String fileName = file.path().getFileName().toString();
    return switch (file.format()) {
      case RHOLANG ->
          new LoadedProcess(
              fileName,
              ProcessFormat.RHOLANG,
              "",
              text,
              ProcessParser.parse(file.path().toString(), text),
              List.of());
      case SBML -> {
        ImportedModel m = SbmlImporter.importString(fileName, text, sbml);
        yield new LoadedProcess(
            fileName,
            ProcessFormat.SBML,
            Semantics.spell(sbml),
            text,
            new ParsedProcess(file.path().toString(), text, m.process(), Positions.empty()),
            m.warnings().stream().map(Loader::describe).toList());
      }
    };
  }

  private static String describe(ImportWarning w) {
    return w.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " ("
        + w.element()
        + "): "
        + w.message();
  }
}
