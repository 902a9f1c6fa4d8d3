package rhoscope.indexer.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.indexer.sbml.SbmlText.level3;
import static rhoscope.indexer.sbml.SbmlText.reaction;
import static rhoscope.indexer.sbml.SbmlText.reactions;
import static rhoscope.indexer.sbml.SbmlText.species;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.print.ProcessPrinter;

class ClosureCheckTest {
  /** A -> B needs E; B -> C; D is made only from the absent X; F from nothing at all. */
  private static final String MODEL =
      level3(
          species("A=1", "B=0", "C=0", "D=0", "E=1", "X=0", "F=0"),
          reactions(
              reaction("ab", "A -> B | E"),
              reaction("bc", "B -> C"),
              reaction("xd", "X -> D"),
              reaction("f", "0 -> F")));

  private record Model(Program program, Optional<PresenceClosure> presence) {}

  private static Model model(Map<String, Integer> overrides) {
    ImportedModel m =
        SbmlImporter.importString(
            "m.xml", MODEL, new ImportOptions(new Semantics.Boolean(), overrides));
    ParsedProcess p =
        new ParsedProcess(
            "m.xml", ProcessPrinter.print(m.process()), m.process(), Positions.empty());
    return new Model(Engine.load(p), m.presence());
  }

  private static CheckResult check(Model m, String type) {
    return ClosureCheck.check(
        m.presence(),
        m.program(),
        CheckPlan.parse("<type>", type),
        CheckOptions.defaults().withWorkers(1),
        Cancellation.NEVER);
  }

  private static CheckResult explored(Model m, String type) {
    return CheckPlan.parse("<type>", type)
        .check(m.program(), CheckOptions.defaults().withWorkers(1));
  }

  private static Set<String> presentAtTheEnd(Model m, CheckResult r) {
    List<StateView> states = m.program().replay(r.witness().orElseThrow());
    return ClosureTrace.present(states.getLast());
  }

  @Test
  void aReachableSpeciesIsDecidedByTheClosureWithAWitnessThatReplays() {
    Model m = model(Map.of());
    CheckResult r = check(m, "eventually contains \"C\"!(_)");

    assertThat(r.verdict()).isEqualTo(Verdict.YES);
    assertThat(r.method()).isEqualTo(Method.CLOSURE);
    assertThat(r.witness().orElseThrow().steps()).hasSize(2);
    assertThat(presentAtTheEnd(m, r)).contains("C");
    assertThat(r.verdict()).isEqualTo(explored(m, "eventually contains \"C\"!(_)").verdict());
  }

  @Test
  void aConjunctionOfPresencesIsDecidedTogether() {
    Model m = model(Map.of());
    for (String type :
        List.of(
            "eventually contains (\"C\"!(_) | \"F\"!(true))",
            "eventually (contains \"C\"!(_) and contains \"F\"!(_))")) {
      CheckResult r = check(m, type);

      assertThat(r.verdict()).as(type).isEqualTo(Verdict.YES);
      assertThat(r.method()).as(type).isEqualTo(Method.CLOSURE);
      assertThat(presentAtTheEnd(m, r)).as(type).contains("C", "F");
    }
  }

  @Test
  void aSpeciesOutsideTheClosureIsNeverPresentAndTheReasonNamesIt() {
    Model m = model(Map.of());
    CheckResult r = check(m, "eventually contains (\"C\"!(_) | \"D\"!(_))");

    assertThat(r.verdict()).isEqualTo(Verdict.NO);
    assertThat(r.method()).isEqualTo(Method.CLOSURE);
    assertThat(r.witness()).isEmpty();
    assertThat(r.reason()).contains("D can never become present");
    assertThat(explored(m, "eventually contains (\"C\"!(_) | \"D\"!(_))").verdict())
        .isEqualTo(Verdict.NO);
  }

  @Test
  void aKnockOutAppliesBeforeTheClosure() {
    Model m = model(Map.of("E", 0));
    CheckResult r = check(m, "eventually contains \"C\"!(_)");

    assertThat(r.verdict()).isEqualTo(Verdict.NO);
    assertThat(r.method()).isEqualTo(Method.CLOSURE);
    assertThat(model(Map.of("X", 1)).presence().orElseThrow().reachable()).contains("D");
  }

  @Test
  void theDualAndNegationsFlipTheVerdictKeepingTheCounterexample() {
    Model m = model(Map.of());
    CheckResult never = check(m, "always not contains \"C\"!(_)");
    CheckResult not = check(m, "not eventually contains \"C\"!(_)");

    assertThat(never.verdict()).isEqualTo(Verdict.NO);
    assertThat(never.method()).isEqualTo(Method.CLOSURE);
    assertThat(presentAtTheEnd(m, never)).contains("C");
    assertThat(not.verdict()).isEqualTo(Verdict.NO);
    assertThat(check(m, "always not contains \"D\"!(_)").verdict()).isEqualTo(Verdict.YES);
  }

  @Test
  void aTypeTheRewriteSettlesIsAnsweredWithoutExploring() {
    Model m = model(Map.of());
    String type = "always (contains \"D\"!(_) => contains \"A\"!(_))";
    CheckResult r = check(m, type);

    assertThat(r.verdict()).isEqualTo(Verdict.YES).isEqualTo(explored(m, type).verdict());
    assertThat(r.method()).isEqualTo(Method.CLOSURE);
    assertThat(check(m, "eventually contains \"nowhere\"!(_)").reason())
        .contains("nowhere is not a species of the model");
  }

  @Test
  void aTypeTheClosureDoesNotDecideIsExploredForItsPrunedForm() {
    Model m = model(Map.of());
    // D never appears, so only "B and not C" is left to explore
    String type =
        "eventually (contains \"B\"!(_) and not contains \"C\"!(_) and not contains \"D\"!(_))";
    CheckResult r = check(m, type);

    assertThat(r.method()).isEqualTo(Method.EXPLORE);
    assertThat(r.verdict()).isEqualTo(Verdict.YES).isEqualTo(explored(m, type).verdict());
    assertThat(check(m, "eventually deadlock").method()).isEqualTo(Method.EXPLORE);
    assertThat(check(m, "eventually contains (\"A\"!(_) | \"A\"!(_))").verdict())
        .isEqualTo(Verdict.NO);
  }

  @Test
  void aProcessWithoutAClosureIsExplored() {
    Program rholang = Engine.load(ProcessParser.parse("p.rho", "@\"C\"!(true)"));
    CheckResult r =
        ClosureCheck.check(
            Optional.empty(),
            rholang,
            CheckPlan.parse("<type>", "eventually contains \"C\"!(_)"),
            CheckOptions.defaults(),
            Cancellation.NEVER);

    assertThat(r.method()).isEqualTo(Method.EXPLORE);
    assertThat(r.verdict()).isEqualTo(Verdict.YES);
  }
}
