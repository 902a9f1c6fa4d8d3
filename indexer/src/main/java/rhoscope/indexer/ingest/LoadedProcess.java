package rhoscope.indexer.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.sbml.PresenceClosure;
import rhoscope.indexer.sbml.Pathway;
import rhoscope.lang.ParsedProcess;

/**
 * A source file read into a process.
 *
 * @param name the process's display name (the file name; an SBML model's own name when set)
 * @param semantics the SBML semantics used; empty for Rholang
 * @param source the file's text
 * @param parsed the process (for SBML, its translation, with the XML as text)
 * @param warnings the importer's remarks
 * @param presence for an SBML model under boolean semantics, the species that can ever be present
 *     (see {@link rhoscope.indexer.sbml.ClosureCheck}); empty otherwise
 * @param pathway for SBML, the model's species and reactions in its own terms; empty for Rholang
 */
public record LoadedProcess(
    String name,
    ProcessFormat format,
    String semantics,
    String source,
    ParsedProcess parsed,
    List<String> warnings,
    Optional<PresenceClosure> presence,
    Optional<Pathway> pathway) {
  public LoadedProcess {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(semantics, "semantics");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parsed, "parsed");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(pathway, "pathway");
  }
}
