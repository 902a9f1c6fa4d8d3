package rhoscope.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.ingest.LoadedProcess;
import rhoscope.indexer.ingest.Loader;
import rhoscope.indexer.ingest.SourceFile;
import rhoscope.indexer.sbml.ImportOptions;

/**
 * The options every command that reads one process file shares: a Rholang file, or an SBML file
 * imported under a semantics with optional initial-value overrides.
 */
final class ProcessInput {

  @Option(
      names = "--semantics",
      defaultValue = "boolean",
      paramLabel = "boolean|counts:K|qual",
      description = "SBML semantics (default: ${DEFAULT-VALUE}); ignored for Rholang files.")
  String semantics;

  @Option(
      names = "--set",
      paramLabel = "SPECIES=VALUE",
      description = "Override an SBML species' initial value (repeatable), e.g. --set E1=0.")
  List<String> assignments = new ArrayList<>();

  LoadedProcess load(Path file) {
    ProcessFormat format =
        SourceFile.formatOf(file)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        file + ": unknown file type (expected .rho for Rholang, .xml or .sbml for SBML)"));
    if (format == ProcessFormat.RHOLANG && !assignments.isEmpty()) {
      throw new UsageException("--set applies to SBML files only, not " + file);
    }
    return Loader.load(new SourceFile(file, "", format), Loader.read(file), importOptions());
  }

  ImportOptions importOptions() {
    return ImportOptions.parse(semantics, assignments);
  }
}
