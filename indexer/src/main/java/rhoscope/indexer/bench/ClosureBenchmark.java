package rhoscope.indexer.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.indexer.sbml.ClosureCheck;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.indexer.sbml.ImportedModel;
import rhoscope.indexer.sbml.PresenceClosure;
import rhoscope.indexer.sbml.SbmlImportException;
import rhoscope.indexer.sbml.SbmlImporter;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.print.ProcessPrinter;

/**
 * Presence closure against exploration on the largest SBML models at hand (boolean semantics):
 * per model, the species whose witness is longest and, when there is one, a species that can never
 * become present (which exploration can only answer by visiting every state), each checked by
 * {@link ClosureCheck} and by the engine's exploration alone under a time bound.
 */
public final class ClosureBenchmark {
  private ClosureBenchmark() {}

  /**
   * @param folders where to look for SBML models ({@code .xml}); missing folders are skipped
   * @param models how many of the largest (by species) to run
   * @param exploreTimeout the bound on one exploration
   */
  public record Options(List<Path> folders, int models, Duration exploreTimeout) {
    public Options {
      folders = List.copyOf(folders);
      Objects.requireNonNull(exploreTimeout, "exploreTimeout");
      if (models < 1) {
        throw new IllegalArgumentException("models must be positive: " + models);
      }
    }
  }

  /** One query on one model, by both methods. */
  public record Row(
      String model,
      int species,
      int reactions,
      String query,
      CheckResult closure,
      long closureMillis,
      CheckResult explored,
      long exploreMillis) {}

  private record Candidate(Path file, ImportedModel model, PresenceClosure closure) {}

  public static List<Row> run(PrintStream out, Options o) {
    List<Candidate> largest =
        o.folders().stream()
            .filter(Files::isDirectory)
            .flatMap(ClosureBenchmark::xml)
            .flatMap(f -> candidate(f).stream())
            .sorted(
                Comparator.comparingInt((Candidate c) -> -c.closure().species().size())
                    .thenComparing(c -> c.file().getFileName().toString()))
            .limit(o.models())
            .toList();
    out.printf(
        "presence closure vs exploration: eventually contains \"S\"!(_) under boolean semantics,"
            + " exploration bounded by %d s%n",
        o.exploreTimeout().toSeconds());
    out.printf(
        "%-22s %7s %9s %-36s %-18s %-34s%n",
        "model", "species", "reactions", "S", "closure", "exploration");
    List<Row> rows = new ArrayList<>();
    for (Candidate c : largest) {
      Program program = Engine.load(parsed(c));
      for (String species : queried(c.closure())) {
        Row row = measure(c, program, species, o.exploreTimeout());
        rows.add(row);
        out.printf(
            "%-22s %7d %9d %-36s %-18s %-34s%n",
            row.model(),
            row.species(),
            row.reactions(),
            species,
            "%s %,d ms".formatted(verdict(row.closure()), row.closureMillis()),
            "%s %,d ms %,d states"
                .formatted(verdict(row.explored()), row.exploreMillis(), row.explored().states()));
      }
    }
    return rows;
  }

  /** The species with the longest witness, then the first one that is never present, if any. */
  static List<String> queried(PresenceClosure closure) {
    List<String> out = new ArrayList<>();
    closure.reachable().stream()
        .sorted()
        .max(Comparator.comparingInt(s -> closure.witness(List.of(s)).orElseThrow().size()))
        .ifPresent(out::add);
    closure.species().stream()
        .filter(s -> !closure.reachable().contains(s))
        .sorted()
        .findFirst()
        .ifPresent(out::add);
    return out;
  }

  private static Row measure(Candidate c, Program program, String species, Duration timeout) {
    String query = "eventually contains \"" + species + "\"!(_)";
    CheckPlan plan = CheckPlan.parse("<bench>", query);
    CheckOptions options = CheckOptions.defaults().withTimeout(timeout);
    long t = System.nanoTime();
    CheckResult closure =
        ClosureCheck.check(c.model().presence(), program, plan, options, Cancellation.NEVER);
    long closureMillis = (System.nanoTime() - t) / 1_000_000;
    // a fresh program, so that exploration finds no states interned by the closure's witness
    Program fresh = Engine.load(parsed(c));
    t = System.nanoTime();
    CheckResult explored = plan.check(fresh, options);
    long exploreMillis = (System.nanoTime() - t) / 1_000_000;
    return new Row(
        c.file().getFileName().toString(),
        c.closure().species().size(),
        c.model().requirements().size(),
        query,
        closure,
        closureMillis,
        explored,
        exploreMillis);
  }

  private static String verdict(CheckResult r) {
    return r.verdict().name().toLowerCase(Locale.ROOT);
  }

  private static ParsedProcess parsed(Candidate c) {
    return new ParsedProcess(
        c.file().toString(),
        ProcessPrinter.print(c.model().process()),
        c.model().process(),
        Positions.empty());
  }

  /** A model with a closure: a core model the importer translates under boolean semantics. */
  private static Optional<Candidate> candidate(Path file) {
    try {
      ImportedModel m = SbmlImporter.importFile(file, ImportOptions.defaults());
      return m.presence().map(p -> new Candidate(file, m, p));
    } catch (SbmlImportException e) {
      // a model the importer rejects has nothing to benchmark
      return Optional.empty();
    }
  }

  private static Stream<Path> xml(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
