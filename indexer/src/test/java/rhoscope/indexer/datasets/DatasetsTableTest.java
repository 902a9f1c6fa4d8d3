package rhoscope.indexer.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.Verdict;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.open.OpenSystem;
import rhoscope.indexer.datasets.DatasetTable.Expected;
import rhoscope.indexer.datasets.DatasetTable.Row;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.indexer.sbml.ImportedModel;
import rhoscope.indexer.sbml.SbmlImporter;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ParsedType;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;
import rhoscope.lang.print.ProcessPrinter;

/**
 * Checks every row of the tables in {@code datasets/README.md} (the golden-model habit of TLC's
 * {@code test-model/}: model files, their queries and expected verdicts side by side, one
 * parameterised test). Surefire runs it from the module folder, so the datasets are at
 * {@code ../datasets}.
 */
class DatasetsTableTest {
  private static final Path DATASETS = Path.of("..", "datasets");
  private static final Path CONTRACTS = DATASETS.resolve("contracts");

  /** Every shipped model is small: its whole state space stays well under this. */
  private static final long MAX_STATES = 50_000;

  /** Deadlock properties, each with whether a yes means some reachable state is deadlocked. */
  private static final Map<String, Boolean> DEADLOCK_REACHABLE_WHEN_YES =
      Map.of("deadlock_free", false, "can_deadlock", true, "eventually deadlock", true);

  private static final CheckOptions CHECK =
      CheckOptions.defaults().withMaxStates(MAX_STATES).withTimeout(Duration.ofSeconds(30));

  static Stream<Row> rows() {
    return table().rows().stream();
  }

  /**
   * A model the rows name: a file, for SBML the semantics it is imported under, and the calls of
   * the most-general client it runs beside (0: closed).
   */
  record Model(String file, Optional<String> semantics, int calls) {
    static Model of(Row row) {
      return new Model(row.file(), row.semantics(), row.calls());
    }

    @Override
    public String toString() {
      return file + semantics.map(s -> " [" + s + "]").orElse("")
          + (calls > 0 ? " [--open --calls " + calls + "]" : "");
    }
  }

  static Stream<Model> models() {
    return table().rows().stream().map(Model::of).distinct();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void rowHasTheExpectedVerdict(Row row) {
    ParsedType type = TypeParser.parse(row.toString(), row.property());

    Program program = Engine.load(load(Model.of(row)), OpenSystem.calls(row.calls()));

    CheckResult result = ModelChecker.check(program, type, CHECK);

    Verdict expected = row.expected() == Expected.YES ? Verdict.YES : Verdict.NO;
    assertThat(result.verdict())
        .as("%s: %s%s", row, result.reason(), evidence(result))
        .isEqualTo(expected);
    // A witness is only worth showing a user if it replays: its steps, taken from the initial
    // state, must lead to the state it names, also on the process compiled afresh (as the server
    // and a cached verdict replay it).
    result
        .witness()
        .ifPresent(
            e -> {
              assertThat(program.replay(e).getLast().fingerprint())
                  .as("%s: witness does not replay to its final state%s", row, evidence(result))
                  .isEqualTo(e.last());
              assertThat(Engine.load(load(Model.of(row)), OpenSystem.calls(row.calls())).replay(e).getLast().fingerprint())
                  .as("%s: witness does not replay on a fresh compile%s", row, evidence(result))
                  .isEqualTo(e.last());
            });
  }

  /**
   * Every model's whole state space fits the bound, so no verdict above rests on an early stop;
   * and the explorer's own count of deadlocked states agrees with the table's deadlock rows (an
   * oracle for the checker's {@code deadlock} that does not go through the type language).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void modelExploresCompletelyAndItsDeadlocksMatchTheTable(Model model) {
    ExploreResult run =
        Explorer.explore(
            Engine.load(load(model), OpenSystem.calls(model.calls())),
            ExploreOptions.defaults().withMaxStates(MAX_STATES));

    assertThat(run.complete())
        .as("%s: exploration stopped by %s", model, run.stopReason())
        .isTrue();
    table().rows().stream()
        .filter(r -> Model.of(r).equals(model))
        .filter(r -> DEADLOCK_REACHABLE_WHEN_YES.containsKey(r.property()))
        .forEach(
            r -> {
              boolean deadlockReachable =
                  (r.expected() == Expected.YES) == DEADLOCK_REACHABLE_WHEN_YES.get(r.property());
              assertThat(run.deadlockedStates() > 0)
                  .as("%s: %d deadlocked states", r, run.deadlockedStates())
                  .isEqualTo(deadlockReachable);
            });
  }

  @Test
  void contractsTableCoversAtLeast25ContractsEachWithADeadlockFreeRow() {
    Map<String, List<Row>> byFile = byFile(table().section("Contracts"));
    Set<String> onDisk = contractFilesOnDisk();

    assertThat(byFile.keySet()).containsExactlyInAnyOrderElementsOf(onDisk);
    assertThat(onDisk).hasSizeGreaterThanOrEqualTo(25);
    List<String> withoutDeadlockRow =
        byFile.entrySet().stream()
            .filter(e -> e.getValue().stream().noneMatch(r -> r.property().equals("deadlock_free")))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(withoutDeadlockRow).as("contracts without a deadlock_free row").isEmpty();
  }

  @Test
  void everyRowNamesAFileThatExists() {
    List<String> missing =
        table().rows().stream()
            .map(Row::file)
            .distinct()
            .filter(f -> !Files.isRegularFile(DATASETS.resolve(f)))
            .toList();

    assertThat(missing).as("files named in README.md but absent").isEmpty();
  }

  @Test
  void contractHeadersListExactlyTheTableRows() {
    List<String> disagreements = new ArrayList<>();
    byFile(table().section("Contracts"))
        .forEach(
            (file, rows) -> {
              ContractHeader header = ContractHeader.parse(read(DATASETS.resolve(file)));
              Set<String> holds = new TreeSet<>(header.holds());
              Set<String> fails = new TreeSet<>(header.fails());
              Set<String> tableHolds = properties(rows, Expected.YES);
              Set<String> tableFails = properties(rows, Expected.NO);
              if (header.description().isEmpty()) {
                disagreements.add(file + ": no description in the header comment");
              }
              if (!holds.equals(tableHolds)) {
                disagreements.add(file + ": header Holds " + holds + " vs table yes " + tableHolds);
              }
              if (!fails.equals(tableFails)) {
                disagreements.add(file + ": header Fails " + fails + " vs table no " + tableFails);
              }
            });

    assertThat(disagreements).isEmpty();
  }

  /** Parses a Rholang file, or imports an SBML one under the model's semantics. */
  private static ParsedProcess load(Model model) {
    Path file = DATASETS.resolve(model.file());
    String name = file.getFileName().toString();
    if (name.endsWith(".rho")) {
      return ProcessParser.parse(model.file(), read(file));
    }
    if (name.endsWith(".xml") || name.endsWith(".sbml")) {
      ImportedModel imported = SbmlImporter.importFile(file, importOptions(model));
      return new ParsedProcess(
          model.file(),
          ProcessPrinter.print(imported.process()),
          imported.process(),
          Positions.empty());
    }
    throw new IllegalArgumentException(
        model + ": unknown model format (expected .rho, .xml or .sbml)");
  }

  /**
   * The semantics cell as the CLI spells it: {@code boolean}, {@code counts:K} or {@code qual},
   * optionally followed by {@code --set SPECIES=VALUE} overrides; boolean when empty.
   */
  private static ImportOptions importOptions(Model model) {
    if (model.semantics().isEmpty()) {
      return ImportOptions.defaults();
    }
    List<String> words = Arrays.asList(model.semantics().get().trim().split("\\s+"));
    List<String> assignments = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i).equals("--set") && i + 1 < words.size()) {
        assignments.add(words.get(++i));
      } else {
        throw new IllegalArgumentException(
            model + ": a semantics cell reads SEMANTICS [--set S=V ...]");
      }
    }
    return ImportOptions.parse(words.get(0), assignments);
  }

  private static String evidence(CheckResult result) {
    return result
        .witness()
        .map(
            e ->
                e.steps().stream()
                    .map(st -> "\n  " + st.comm().channel().spelling() + ": " + st.comm().message())
                    .collect(Collectors.joining("", "; witness:", "")))
        .orElse("");
  }

  private static Set<String> properties(List<Row> rows, Expected expected) {
    return rows.stream()
        .filter(r -> r.expected() == expected)
        .map(Row::headerItem)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<String, List<Row>> byFile(List<Row> rows) {
    return rows.stream()
        .collect(Collectors.groupingBy(Row::file, LinkedHashMap::new, Collectors.toList()));
  }

  private static Set<String> contractFilesOnDisk() {
    try (Stream<Path> files = Files.list(CONTRACTS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".rho"))
          .map(n -> "contracts/" + n)
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DatasetTable table() {
    return DatasetTable.parse(read(DATASETS.resolve("README.md")));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
