package rhoscope.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.IndexSummary;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.catalog.ProcessSummary;
import rhoscope.indexer.ingest.SourceFile;
import rhoscope.indexer.ingest.SourceFiles;
import rhoscope.indexer.sbml.ImportWarning;
import rhoscope.indexer.sbml.ImportedModel;
import rhoscope.indexer.sbml.ModifierRole;
import rhoscope.indexer.sbml.ReactionRequirements;
import rhoscope.indexer.sbml.SbmlImporter;
import rhoscope.lang.print.ProcessPrinter;

/**
 * {@code rhoscope import FILE.xml}: translates an SBML model and prints it as Rholang, or with
 * {@code --explain} says what each reaction needs present to fire, and why; with {@code --db} it
 * also stores the model in the database, as {@code index} would.
 */
@Command(
    name = "import",
    description = {
      "Translate an SBML model into a Rholang process and print it with its warnings.",
      "With --db, also store it in that database (as 'index' does)."
    })
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.xml", description = "An SBML (or SBML-qual) file.")
  Path file;

  @Mixin ProcessInput input;

  @Option(
      names = "--explain",
      description =
          "Instead of the process, list per reaction the species it requires and why (reactant,"
              + " SBO term, rate law, default).")
  boolean explain;

  @Option(
      names = "--db",
      paramLabel = "DIR",
      description = "Also store the model in this database folder (created when new).")
  Path db;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "With --db: the dataset to file it under (default: the file's folder).")
  String dataset;

  @Override
  public Integer call() {
    if (dataset != null && db == null) {
      throw new UsageException("--dataset files the model in a database: give --db DIR too");
    }
    UsageException.dataset(dataset);
    ImportedModel model = SbmlImporter.importFile(file, input.importOptions());
    var out = spec.commandLine().getOut();
    out.printf(
        "// %s (%s), %s semantics%n", model.name(), model.modelId(), model.semantics().label());
    for (ImportWarning w : model.warnings()) {
      out.printf(
          "// warning: %s (%s): %s%n",
          w.kind().name().toLowerCase(Locale.ROOT), w.element(), w.message());
    }
    if (explain) {
      for (ReactionRequirements r : model.requirements()) {
        out.println(explanation(r));
      }
      model
          .presence()
          .ifPresent(
              p -> {
                out.println("initially present: " + sorted(p.initiallyPresent()));
                out.println("can become present: " + sorted(p.reachable()));
              });
    } else {
      out.println(ProcessPrinter.print(model.process()));
    }
    if (db != null) {
      // after the import succeeded: a model that does not import is never half stored
      store(spec.commandLine().getErr());
    }
    out.flush();
    return ExitCode.OK;
  }

  /** Stores the model as {@code index} would, and says where (on stderr: stdout is the process). */
  private void store(PrintWriter err) {
    IndexOptions options = IndexOptions.defaults().withSbml(input.importOptions());
    if (dataset != null) {
      options = options.withDataset(dataset);
    }
    try (ProcessDatabase database = DatabaseOption.at(db).open()) {
      IndexSummary summary = database.index(List.of(file), options, IndexProgress.NONE);
      if (!summary.failed().isEmpty()) {
        throw new IllegalArgumentException(
            "cannot store " + file + ": " + summary.failed().getFirst().reason());
      }
      SourceFile source =
          SourceFiles.collect(List.of(file), Optional.ofNullable(dataset)).getFirst();
      String path = source.path().toAbsolutePath().normalize().toString();
      ProcessSummary stored =
          database.list().stream()
              .filter(p -> p.path().equals(path) && p.dataset().equals(source.dataset()))
              .max(Comparator.comparing(ProcessSummary::ingestedAt))
              .orElseThrow(() -> new IllegalStateException("stored " + file + " but cannot find it"));
      String how = summary.added() > 0 ? "added" : summary.replaced() > 0 ? "replaced" : "unchanged";
      err.printf(
          "stored in %s as #%d %s [%s] (%s)%n",
          db, stored.id(), stored.name(), stored.dataset(), how);
      err.flush();
    }
  }

  private static String sorted(Set<String> species) {
    return species.isEmpty() ? "none" : String.join(", ", new TreeSet<>(species));
  }

  /** {@code v1 requires M, MEK; M (reactant); MEK (required: ...); MpT (not required: ...)}. */
  private static String explanation(ReactionRequirements r) {
    StringBuilder line = new StringBuilder(r.reaction()).append(" requires ");
    line.append(r.required().isEmpty() ? "nothing" : String.join(", ", r.required()));
    for (String reactant : r.reactants()) {
      line.append("; ").append(reactant).append(" (reactant)");
    }
    for (ModifierRole m : r.modifiers()) {
      line.append("; ").append(m.describe());
    }
    return line.toString();
  }
}
