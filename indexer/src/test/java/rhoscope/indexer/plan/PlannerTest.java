package rhoscope.indexer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rhoscope.lang.parse.TypeParser;

class PlannerTest {

  private static String plan(String type) {
    return Planner.plan(TypeParser.parse("test", type).core()).condition().describe();
  }

  @Test
  void reachingAMessageNeedsItsNameWrittenAndCarriedWhenExplorationCompletedAndNotProvedAbsent() {
    assertThat(plan("eventually contains \"PP_K\"!(_)"))
        .isEqualTo(
            "((computes_strings:true OR literal:\"PP_K\") AND (complete:false OR"
                + " carried:\"PP_K\") AND NOT never_carried:\"PP_K\")");
  }

  @Test
  void aGlobIsNotRuledOutByNamesProvedNeverToCarry() {
    assertThat(plan("eventually contains \"PP_*\"!(_)")).doesNotContain("never_carried");
  }

  @Test
  void aMessageInTheInitialStateNeedsTheSame() {
    assertThat(plan("contains \"a\"!(1)")).isEqualTo(plan("eventually contains \"a\"!(_)"));
  }

  @Test
  void canDeadlockNeedsALinearReceiveAndAReachableDeadlock() {
    String expected = "(linear_receive:true AND (complete:false OR deadlock:true))";
    assertThat(plan("not deadlock_free")).isEqualTo(expected);
    assertThat(plan("eventually deadlock")).isEqualTo(expected);
    assertThat(plan("can_deadlock")).isEqualTo(expected);
  }

  @Test
  void universalAndNegatedTypesAreNotPruned() {
    assertThat(plan("deadlock_free")).isEqualTo("all");
    assertThat(plan("always not contains \"x\"!(_)")).isEqualTo("all");
    assertThat(plan("race_free(balance)")).isEqualTo("all");
    assertThat(plan("[\"a\"]false")).isEqualTo("all");
  }

  @Test
  void aStateWithoutStepsNeedsAStuckStateReachable() {
    assertThat(plan("[]false")).isEqualTo("(complete:false OR deadlock:true OR terminal:true)");
    assertThat(plan("eventually terminated")).isEqualTo("(complete:false OR terminal:true)");
  }

  @Test
  void negationIsPushedThroughModalitiesAndFixpoints() {
    assertThat(plan("not always not contains \"x\"!(_)"))
        .isEqualTo(plan("eventually contains \"x\"!(_)"));
    assertThat(plan("not [\"a\"] false")).isEqualTo(plan("<\"a\">true"));
  }

  @Test
  void racesOnPrivateNamesNeedTheDeclarationAndACommunication() {
    assertThat(plan("eventually race(balance)"))
        .isEqualTo(
            "(linear_receive:true AND declared:balance AND (complete:false OR comm:balance))");
  }

  @Test
  void globsBecomeWildcardsThatAlsoKeepOverlongValues() {
    assertThat(plan("eventually contains \"bank/*\"!(_)"))
        .isEqualTo(
            "((computes_strings:true OR literal:~\"bank/*\" OR long_value:true)"
                + " AND (complete:false OR carried:~\"bank/*\" OR long_value:true))");
  }

  @Test
  void inevitablyNeedsWhatEventuallyNeeds() {
    assertThat(plan("inevitably contains \"done\"!(_)"))
        .isEqualTo(plan("eventually contains \"done\"!(_)"));
  }

  @Test
  void alwaysNeedsItsInvariantInTheInitialState() {
    assertThat(plan("always contains \"lock\"!(_)")).isEqualTo(plan("contains \"lock\"!(_)"));
  }

  @Test
  void disjunctionsAndConjunctionsCombine() {
    assertThat(plan("eventually (contains \"a\"!(_) or contains \"b\"!(_))"))
        .isEqualTo(
            "(((computes_strings:true OR literal:\"a\") AND (complete:false OR carried:\"a\") AND"
                + " NOT never_carried:\"a\") OR ((computes_strings:true OR literal:\"b\") AND"
                + " (complete:false OR carried:\"b\") AND NOT never_carried:\"b\"))");
    assertThat(plan("eventually contains (\"a\"!(_) | \"b\"!(_))"))
        .isEqualTo(
            "((computes_strings:true OR literal:\"a\") AND (complete:false OR carried:\"a\") AND"
                + " NOT never_carried:\"a\" AND (computes_strings:true OR literal:\"b\") AND"
                + " (complete:false OR carried:\"b\") AND NOT never_carried:\"b\")");
  }

  @Test
  void falseRulesOutEverythingAndAnyNameRulesOutNothing() {
    assertThat(plan("false")).isEqualTo("none");
    assertThat(plan("eventually contains _!(_)")).isEqualTo("all");
  }

  @Test
  void communicationOnANameNeedsItInTheCommunicatedChannels() {
    assertThat(plan("can_communicate(\"ping\")"))
        .isEqualTo(
            "((computes_strings:true OR literal:\"ping\") AND (complete:false OR comm:\"ping\"))");
  }

  @Test
  void servicesAndWaitingReceivesUseTheirOwnFields() {
    assertThat(plan("eventually contains contract \"svc\""))
        .isEqualTo(
            "((computes_strings:true OR literal:\"svc\") AND (complete:false OR"
                + " contract_reachable:\"svc\"))");
    assertThat(plan("eventually contains for(lock){true}"))
        .isEqualTo(
            "(linear_receive:true AND declared:lock AND (complete:false OR"
                + " receive_reachable:lock))");
  }
}
