package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Method;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.print.ProcessPrinter;

/**
 * The checker's answers on real models through {@link ClosureCheck}: on every BioModels file of
 * the shared corpus, {@code eventually contains "S"!(_)} for every species is answered by the
 * closure, never {@code unknown}, as {@link IndependentClosure} says, with witnesses that replay
 * on the engine and end where S is present; on every model small enough to explore completely (and
 * every shipped pathway model) the closure's answers equal full exploration's. Skipped, saying so,
 * when the corpus is absent.
 */
class ClosureVerdictCorpusTest {
  private static final Path BIOMODELS =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels");
  private static final Path PATHWAYS = Path.of("..", "datasets", "pathways");

  /** 2^12 presence states at most: every such model explores completely within the bound. */
  private static final int EXPLORED_SPECIES = 12;

  private static final long STATE_BOUND = 20_000;

  private record Model(Path file, Program program, PresenceClosure closure) {}

  private static List<Path> coreModels() throws IOException {
    assumeTrue(
        Files.isDirectory(BIOMODELS),
        "shared corpus absent at " + BIOMODELS.toAbsolutePath().normalize() + "; skipping");
    return xml(BIOMODELS).stream()
        .filter(f -> !SbmlImporter.importFile(f, ImportOptions.defaults()).requirements().isEmpty())
        .toList();
  }

  private static List<Path> xml(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  private static Model model(Path file, Map<String, Integer> overrides) {
    ImportedModel m =
        SbmlImporter.importFile(file, new ImportOptions(new Semantics.Boolean(), overrides));
    ParsedProcess p =
        new ParsedProcess(
            file.toString(), ProcessPrinter.print(m.process()), m.process(), Positions.empty());
    return new Model(file, Engine.load(p), m.presence().orElseThrow());
  }

  private static String presence(Set<String> species) {
    return species.stream()
        .sorted()
        .map(s -> "\"" + s + "\"!(_)")
        .collect(Collectors.joining(" | ", "eventually contains (", ")"));
  }

  private static CheckResult closure(Model m, String type) {
    return ClosureCheck.check(
        Optional.of(m.closure()),
        m.program(),
        CheckPlan.parse("<type>", type),
        CheckOptions.defaults().withWorkers(1).withMaxStates(STATE_BOUND),
        Cancellation.NEVER);
  }

  private static CheckResult explored(Model m, String type) {
    return CheckPlan.parse("<type>", type)
        .check(m.program(), CheckOptions.defaults().withWorkers(1).withMaxStates(STATE_BOUND));
  }

  /** The species present at the end of the witness, replayed on the engine. */
  private static Set<String> reached(Model m, CheckResult r) {
    List<StateView> states = m.program().replay(r.witness().orElseThrow());
    return ClosureTrace.present(states.getLast());
  }

  @Test
  void everySpeciesOfEveryModelIsAnsweredByTheClosureAsTheIndependentClosureSays()
      throws Exception {
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (Path f : coreModels()) {
      Set<String> expected = IndependentClosure.read(f).closure(Map.of());
      Model m = model(f, Map.of());
      for (String s : new TreeSet<>(m.closure().species())) {
        CheckResult r = closure(m, "eventually contains \"" + s + "\"!(_)");
        checked++;
        Verdict want = expected.contains(s) ? Verdict.YES : Verdict.NO;
        if (r.verdict() != want || r.method() != Method.CLOSURE) {
          disagreements.add(f.getFileName() + " " + s + ": " + r.verdict() + " by " + r.method()
              + ", the independent closure says " + want);
        } else if (want == Verdict.YES && !reached(m, r).contains(s)) {
          disagreements.add(f.getFileName() + " " + s + ": the witness ends without it");
        }
      }
    }

    assertThat(checked).isPositive();
    assertThat(disagreements).isEmpty();
  }

  @Test
  void everyReachableSpeciesOfEveryModelIsPresentTogetherAtTheEndOfOneWitness() throws Exception {
    for (Path f : coreModels()) {
      Model m = model(f, Map.of());
      Set<String> all = m.closure().reachable();
      CheckResult r = closure(m, presence(all));

      assertThat(r.verdict()).as("%s", f.getFileName()).isEqualTo(Verdict.YES);
      assertThat(r.method()).isEqualTo(Method.CLOSURE);
      assertThat(reached(m, r)).as("%s", f.getFileName()).containsAll(all);
    }
  }

  /** Every species, then all reachable ones together and each unreachable one with them. */
  private static List<String> types(PresenceClosure c) {
    List<String> types = new ArrayList<>();
    new TreeSet<>(c.species()).forEach(s -> types.add("eventually contains \"" + s + "\"!(_)"));
    types.add(presence(c.reachable()));
    for (String s : new TreeSet<>(c.species())) {
      if (!c.reachable().contains(s)) {
        Set<String> with = new TreeSet<>(c.reachable());
        with.add(s);
        types.add(presence(with));
        types.add("always not contains \"" + s + "\"!(_)");
      }
    }
    return types;
  }

  /** Exploring every small model several times per species takes a while, hence slow. */
  @Test
  @Tag("slow")
  void onEveryModelSmallEnoughToExploreTheClosureAgreesWithFullExploration() throws Exception {
    List<Path> small = new ArrayList<>();
    for (Path f : coreModels()) {
      if (IndependentClosure.read(f).species().size() <= EXPLORED_SPECIES) {
        small.add(f);
      }
    }
    // the qualitative pathway models are translated under qual semantics, which has no closure
    xml(PATHWAYS).stream()
        .filter(f -> SbmlImporter.importFile(f, ImportOptions.defaults()).presence().isPresent())
        .forEach(small::add);
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    for (Path f : small) {
      Model m = model(f, Map.of());
      for (String type : types(m.closure())) {
        CheckResult byClosure = closure(m, type);
        CheckResult byExploring = explored(m, type);
        compared++;
        if (byClosure.method() != Method.CLOSURE
            || byClosure.verdict() != byExploring.verdict()
            || byExploring.verdict() == Verdict.UNKNOWN) {
          disagreements.add(f.getFileName() + " " + type + ": closure " + byClosure.verdict()
              + " by " + byClosure.method() + ", exploration " + byExploring.verdict());
        } else if (byClosure.witness().isPresent()) {
          // the witness replays on the engine and ends in a state of the wanted type
          m.program().replay(byClosure.witness().get());
        }
      }
    }

    assertThat(compared).isPositive();
    assertThat(disagreements).isEmpty();
  }

  @Test
  void markevichErkBecomesDoublyPhosphorylatedThroughMpyOrMpt() {
    Path markevich = BIOMODELS.resolve("BIOMD0000000029.xml");
    assumeTrue(Files.isRegularFile(markevich), "shared corpus absent: " + markevich);
    Model m = model(markevich, Map.of());
    CheckResult r = closure(m, "eventually contains \"Mpp\"!(_)");

    assertThat(r.verdict()).isEqualTo(Verdict.YES);
    assertThat(r.method()).isEqualTo(Method.CLOSURE);
    List<StateView> states = m.program().replay(r.witness().orElseThrow());
    assertThat(ClosureTrace.present(states.getLast())).contains("Mpp");
    assertThat(states.subList(0, states.size() - 1))
        .as("a state before the last has a singly phosphorylated form")
        .anyMatch(s -> !Collections.disjoint(ClosureTrace.present(s), Set.of("MpY", "MpT")));
  }

  @Test
  void huangFerrellPpKIsReachableAndNotOnceE1IsKnockedOut() {
    Path mapk = BIOMODELS.resolve("BIOMD0000000009.xml");
    assumeTrue(Files.isRegularFile(mapk), "shared corpus absent: " + mapk);
    Model wild = model(mapk, Map.of());
    Model knockedOut = model(mapk, Map.of("E1", 0));
    String type = "eventually contains \"PP_K\"!(_)";

    CheckResult yes = closure(wild, type);
    CheckResult no = closure(knockedOut, type);

    assertThat(yes.verdict()).isEqualTo(Verdict.YES);
    assertThat(reached(wild, yes)).contains("PP_K");
    assertThat(no.verdict()).isEqualTo(Verdict.NO);
    assertThat(no.method()).isEqualTo(Method.CLOSURE);
    assertThat(no.reason()).contains("PP_K can never become present");
  }
}
