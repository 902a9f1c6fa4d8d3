package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.ext.qual.QualConstants;
import org.sbml.jsbml.ext.qual.QualModelPlugin;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.Transition;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.print.ProcessPrinter;

/**
 * A witness of an imported model reads in the model's terms: each step names the SBML reaction
 * (or transition) that fired and the species it changed. The oracle is the SBML file itself, read
 * with JSBML: what changed must be among the reaction's own reactants and products, by exactly its
 * stoichiometry under counts semantics.
 */
class PathwayReadingTest {
  private static final Path PATHWAYS = Path.of("..", "datasets", "pathways");
  private static final Path BIOMODELS =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels");

  private record Loaded(ImportedModel model, Program program, Model sbml) {}

  private static Loaded load(Path file, ImportOptions options) throws IOException {
    assumeTrue(Files.isRegularFile(file), "model absent: " + file.toAbsolutePath());
    ImportedModel model = SbmlImporter.importFile(file, options);
    Program program =
        Engine.load(
            new ParsedProcess(
                file.toString(),
                ProcessPrinter.print(model.process()),
                model.process(),
                Positions.empty()));
    Model sbml = SbmlReading.read(file.toString(), Files.readAllBytes(file)).model();
    return new Loaded(model, program, sbml);
  }

  static List<Path> pathways() throws IOException {
    try (Stream<Path> files = Files.list(PATHWAYS)) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  @Test
  void markevichWitnessNamesThePhosphorylationsThatMakeErkPp() throws IOException {
    Loaded m = load(BIOMODELS.resolve("BIOMD0000000029.xml"), ImportOptions.defaults());
    CheckResult r =
        CheckPlan.parse("query", "eventually contains \"Mpp\"!(_)")
            .check(m.program(), CheckOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.YES);
    Trace trace = r.witness().orElseThrow();
    List<StateView> states = m.program().replay(trace);
    List<Pathway.Reading> readings = m.model().pathway().read(trace, states);

    assertThat(readings).hasSize(trace.steps().size()).isNotEmpty();
    Map<String, Integer> present = new LinkedHashMap<>(m.model().pathway().amounts(states.get(0)));
    for (Pathway.Reading reading : readings) {
      Pathway.Event fired = reading.fired().orElseThrow();
      Reaction sbml = m.sbml().getReaction(fired.id());
      assertThat(sbml).as(fired.id()).isNotNull();
      assertThat(fired.name()).isEqualTo(sbml.getName());
      assertThat(reading.changes())
          .isNotEmpty()
          .extracting(Pathway.Change::species)
          .allMatch(participants(sbml)::contains);
      reading.changes().forEach(c -> present.put(c.species(), c.after()));
    }
    // the changes, applied in order from the initial state, give the final state
    assertThat(present).isEqualTo(m.model().pathway().amounts(states.getLast()));
    assertThat(m.model().pathway().present(states.getLast())).containsKey("Mpp");
    assertThat(readings.getLast().changes()).contains(new Pathway.Change("Mpp", 0, 1));
  }

  /**
   * Every transition of the first states of every shipped pathway model, under boolean and counts
   * semantics (qual for the logical models), reads as one event of the model that accounts for
   * exactly what changed.
   */
  @ParameterizedTest
  @MethodSource("pathways")
  void everyStepOfAShippedModelReadsAsOneOfItsReactions(Path file) throws IOException {
    for (ImportOptions options :
        List.of(ImportOptions.defaults(), ImportOptions.of(new Semantics.Counts(2)))) {
      Loaded m = load(file, options);
      int read = 0;
      for (Step step : steps(m.program(), 300)) {
        Pathway.Reading reading = read(m.model().pathway(), step);
        Pathway.Event fired = reading.fired().orElseThrow();
        assertThat(reading.changes()).isNotEmpty();
        switch (fired) {
          case Pathway.Event.QualUpdate q -> {
            org.sbml.jsbml.ext.qual.Transition t = qual(m.sbml()).getTransition(q.id());
            assertThat(t).as(q.id()).isNotNull();
            assertThat(reading.changes()).singleElement().satisfies(c -> {
              assertThat(c.species()).isEqualTo(t.getListOfOutputs().get(0).getQualitativeSpecies());
              assertThat(Math.abs(c.after() - c.before())).isEqualTo(1);
            });
          }
          case Pathway.Event.BooleanReaction b -> {
            Reaction sbml = m.sbml().getReaction(b.id());
            assertThat(reading.changes())
                .extracting(Pathway.Change::species)
                .allMatch(participants(sbml)::contains);
          }
          case Pathway.Event.CountsReaction c -> {
            Map<String, Integer> delta = stoichiometry(m.sbml().getReaction(c.id()), c.reverse());
            for (Pathway.Change change : reading.changes()) {
              assertThat(change.after() - change.before())
                  .as(file.getFileName() + " " + c.id() + " " + change.species())
                  .isEqualTo(delta.get(change.species()));
            }
          }
        }
        read++;
      }
      // the toggle switch starts in one of its two stable states
      assertThat(read > 0 || m.program().initialState().isStuck())
          .as(file.getFileName() + " has steps, or starts in a steady state")
          .isTrue();
    }
  }

  @Test
  void aReversibleReactionReadsInBothDirections() throws IOException {
    Loaded m = load(PATHWAYS.resolve("apoptosis_switch.xml"), ImportOptions.defaults());
    Set<String> directions = new HashSet<>();
    for (Step step : steps(m.program(), 2_000)) {
      read(m.model().pathway(), step)
          .fired()
          .filter(e -> e.id().equals("iap_binding"))
          .ifPresent(e -> directions.add(e.reverse() ? "reverse" : "forward"));
    }
    assertThat(directions).containsExactlyInAnyOrder("forward", "reverse");
  }

  /**
   * Caspase-8 is activated both at the DISC and by caspase-3 (two reactions, the same change):
   * from a state where both can fire, the two transitions read as the two reactions, each told
   * apart by the join that fired.
   */
  @Test
  void twoReactionsMakingTheSameChangeAreToldApartByTheirJoins() throws IOException {
    Loaded m = load(PATHWAYS.resolve("apoptosis_switch.xml"), ImportOptions.defaults());
    Map<String, List<Pathway.Reading>> byChange = new HashMap<>();
    for (Step step : steps(m.program(), 2_000)) {
      Pathway.Reading r = read(m.model().pathway(), step);
      byChange
          .computeIfAbsent(step.from().fingerprint() + " " + r.changes(), k -> new ArrayList<>())
          .add(r);
    }
    int shared = 0;
    for (List<Pathway.Reading> same : byChange.values()) {
      if (same.size() > 1) {
        shared++;
        assertThat(same)
            .extracting(r -> r.fired().orElseThrow())
            .doesNotHaveDuplicates();
        assertThat(same).allSatisfy(r -> assertThat(r.alternatives()).isEmpty());
      }
    }
    assertThat(shared).as("states where two reactions make the same change").isPositive();
  }

  @Test
  void theFinalStateListsThePresentSpeciesOnly() throws IOException {
    Loaded m = load(PATHWAYS.resolve("toggle_switch.xml"), ImportOptions.defaults());
    StateView initial = m.program().initialState();
    // LacI starts at level 1, TetR and both inducers at 0
    assertThat(m.model().pathway().present(initial)).containsExactly(Map.entry("LacI", 1));
    assertThat(m.model().pathway().species("IPTG").orElseThrow().name()).isEqualTo("IPTG inducer");
  }

  private record Step(StateView from, Transition transition) {}

  /** One transition read as a trace of one step from the state it leaves. */
  private static Pathway.Reading read(Pathway pathway, Step step) {
    List<Pathway.Reading> readings =
        pathway.read(
            new Trace(step.from().fingerprint(), List.of(step.transition().step())),
            List.of(step.from(), step.transition().target()));
    assertThat(readings).hasSize(1);
    return readings.get(0);
  }

  /** The transitions out of the first {@code limit} states, breadth first. */
  private static List<Step> steps(Program program, int limit) {
    List<Step> out = new ArrayList<>();
    Deque<StateView> open = new ArrayDeque<>(List.of(program.initialState()));
    Set<Long> seen = new HashSet<>(List.of(program.initialState().fingerprint()));
    int expanded = 0;
    while (!open.isEmpty() && expanded++ < limit) {
      StateView s = open.poll();
      for (Transition t : program.successors(s)) {
        out.add(new Step(s, t));
        if (seen.add(t.target().fingerprint())) {
          open.add(t.target());
        }
      }
    }
    return out;
  }

  private static Set<String> participants(Reaction r) {
    Set<String> out = new HashSet<>();
    r.getListOfReactants().forEach(s -> out.add(s.getSpecies()));
    r.getListOfProducts().forEach(s -> out.add(s.getSpecies()));
    return out;
  }

  /** Net change per species of one direction, as the SBML file states it. */
  private static Map<String, Integer> stoichiometry(Reaction r, boolean reverse) {
    Map<String, Integer> out = new HashMap<>();
    int sign = reverse ? -1 : 1;
    for (SpeciesReference s : r.getListOfReactants()) {
      out.merge(s.getSpecies(), -sign * (int) Math.round(s.getStoichiometry()), Integer::sum);
    }
    for (SpeciesReference s : r.getListOfProducts()) {
      out.merge(s.getSpecies(), sign * (int) Math.round(s.getStoichiometry()), Integer::sum);
    }
    return out;
  }

  private static QualModelPlugin qual(Model model) {
    return (QualModelPlugin) model.getExtension(QualConstants.shortLabel);
  }
}
