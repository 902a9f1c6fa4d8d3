package rhoscope.server.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rhoscope.indexer.sbml.ImportWarning;
import rhoscope.indexer.sbml.ImportedModel;
import rhoscope.indexer.sbml.ModifierRole;
import rhoscope.indexer.sbml.ReactionRequirements;
import rhoscope.indexer.sbml.SbmlImporter;
import rhoscope.lang.print.ProcessPrinter;

/**
 * {@code rhoscope import FILE.xml}: translates an SBML model and prints it as Rholang, or with
 * {@code --explain} says what each reaction needs present to fire, and why.
 */
@Command(
    name = "import",
    description = "Translate an SBML model into a Rholang process and print it with its warnings.")
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

  @Override
  public Integer call() {
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
    out.flush();
    return 0;
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
