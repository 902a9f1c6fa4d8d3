package rhoscope.indexer.ingest;

import java.util.List;
import java.util.Objects;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.lang.ParsedProcess;

/**
 * A source file read into a process.
 *
 * @param name the process's display name (the file name; an SBML model's own name when set)
 * @param semantics the SBML semantics used; empty for Rholang
 * @param source the file's text
 * @param parsed the process (for SBML, its translation, with the XML as text)
 * @param warnings the importer's remarks
 */
public record LoadedProcess(
    String name,
    ProcessFormat format,
    String semantics,
    String source,
    ParsedProcess parsed,
    List<String> warnings) {
  public LoadedProcess {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(semantics, "semantics");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parsed, "parsed");
    warnings = List.copyOf(warnings);
  }
}
