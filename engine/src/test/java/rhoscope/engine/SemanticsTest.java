package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;

/** The reduction relation on small programs: which stuck states are reachable. */
class SemanticsTest {

  /** The fingerprints of the stuck states reachable from {@code source}. */
  private static Set<Long> finals(String source) {
    Program p = Programs.load(source);
    Set<Long> seen = new HashSet<>();
    Set<Long> out = new LinkedHashSet<>();
    ArrayDeque<StateView> queue = new ArrayDeque<>();
    queue.add(p.initialState());
    seen.add(p.initialState().fingerprint());
    while (!queue.isEmpty()) {
      StateView s = queue.poll();
      var next = p.successors(s);
      if (next.isEmpty()) {
        out.add(s.fingerprint());
      }
      for (Transition t : next) {
        if (seen.add(t.target().fingerprint())) {
          queue.add(t.target());
        }
      }
    }
    return out;
  }

  /** The one stuck state reachable from {@code source}. */
  private static long only(String source) {
    Set<Long> f = finals(source);
    assertThat(f).as("stuck states of %s", source).hasSize(1);
    return f.iterator().next();
  }

  /** The fingerprint of {@code source} itself, which must already be stuck. */
  private static long state(String source) {
    StateView s = Programs.load(source).initialState();
    assertThat(s.isStuck()).as("%s is stuck", source).isTrue();
    return s.fingerprint();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ==> ", quoteCharacter = '\'', value = {
      // COMM substitutes the payload; ground expressions are evaluated when unfolded
      "for (x <- @\"a\") { @\"out\"!(*x + 1) } | @\"a\"!(41) ==> @\"out\"!(42)",
      // process pattern @y binds the process itself
      "for (@y <- @\"a\") { @\"out\"!(y * 2) } | @\"a\"!(21) ==> @\"out\"!(42)",
      // literal patterns select the matching message only
      "for (@\"go\" <- @\"a\") { @\"out\"!(42) } | @\"a\"!(\"stop\") | @\"a\"!(\"go\") ==> @\"out\"!(42) | @\"a\"!(\"stop\")",
      // list pattern with remainder
      "for (@[h ...t] <- @\"a\") { @\"out\"!(t) } | @\"a\"!([1, 2, 3]) ==> @\"out\"!([2, 3])",
      // match with a type pattern and a fallback
      "match \"s\" { Int => @\"out\"!(1) _ => @\"out\"!(2) } ==> @\"out\"!(2)",
      // if/else, comparisons and boolean operators
      "if (1 < 2 and not false) { @\"out\"!(\"yes\") } else { @\"out\"!(\"no\") } ==> @\"out\"!(\"yes\")",
      // string and list methods, concatenation
      "@\"out\"!(\"ab\" ++ \"cd\", [1, 2, 3].length(), {\"k\": 7}.get(\"k\"), \"hello\".slice(1, 3)) ==> @\"out\"!(\"abcd\", 3, 7, \"el\")",
      // let binds without a communication
      "let x <- 5 in { @\"out\"!(*x * 2) } ==> @\"out\"!(10)",
      // =x patterns compare with a bound value
      "for (@n <- @\"cfg\") { for (@=n <- @\"a\") { @\"out\"!(n) } } | @\"cfg\"!(2) | @\"a\"!(1) | @\"a\"!(2) ==> @\"out\"!(2) | @\"a\"!(1)",
      // logical and simple-type patterns
      "match 5 { Int /\\ ~0 => @\"out\"!(\"nonzero\") _ => Nil } ==> @\"out\"!(\"nonzero\")",
      // map pattern with a remainder
      "for (@{\"k\": v ...rest} <- @\"a\") { @\"out\"!(v, rest) } | @\"a\"!({\"k\": 1, \"j\": 2}) ==> @\"out\"!(1, {\"j\": 2})",
      // a bind on x!?(args) sends args with a fresh return name and receives the reply on it
      "contract @\"get\"(ret) = { ret!(7) } | for (@v <- @\"get\"!?()) { @\"out\"!(v) } ==> contract @\"get\"(ret) = { ret!(7) } | @\"out\"!(7)",
      // bundles are transparent
      "new x in { for (@v <- x) { @\"out\"!(v) } | @\"b\"!(bundle+ {*x}) | for (y <- @\"b\") { y!(3) } } ==> @\"out\"!(3)",
  })
  void reducesToTheExpectedState(String program, String expected) {
    assertThat(only(program)).isEqualTo(state(expected));
  }

  @Test
  void joinsConsumeOneMessagePerSourceAtomically() {
    long f = only("for (@x <- @\"a\" & @y <- @\"b\") { @\"out\"!(x + y) } | @\"a\"!(1) | @\"b\"!(2)");
    assertThat(f).isEqualTo(state("@\"out\"!(3)"));
  }

  @Test
  void aJoinWithOneSideMissingDeadlocks() {
    Program p = Programs.load("for (@x <- @\"a\" & @y <- @\"b\") { Nil } | @\"a\"!(1)");
    assertThat(p.initialState().isDeadlocked()).isTrue();
  }

  @Test
  void persistentReceivesStayAndLinearSendsAreConsumed() {
    assertThat(only("for (@x <= @\"a\") { @\"out\"!(x) } | @\"a\"!(1) | @\"a\"!(2)"))
        .isEqualTo(state("for (@x <= @\"a\") { @\"out\"!(x) } | @\"out\"!(1) | @\"out\"!(2)"));
  }

  @Test
  void peeksLeaveTheMessage() {
    assertThat(only("for (@x <<- @\"a\") { @\"out\"!(x) } | @\"a\"!(1)"))
        .isEqualTo(state("@\"a\"!(1) | @\"out\"!(1)"));
  }

  @Test
  void persistentSendsStay() {
    Program p = Programs.load("for (@x <- @\"a\") { @\"out\"!(x) } | @\"a\"!!(1)");
    StateView next = p.successors(p.initialState()).get(0).target();
    assertThat(next.threads()).anySatisfy(t -> assertThat(t).isInstanceOfSatisfying(
        SendView.class, s -> assertThat(s.persistent()).isTrue()));
    assertThat(next.isTerminal()).isTrue();
  }

  @Test
  void nestedReceiptsAreSequential() {
    Program p = Programs.load("for (@x <- @\"a\"; @y <- @\"b\") { @\"out\"!(x, y) } | @\"a\"!(1) | @\"b\"!(2)");
    assertThat(p.successors(p.initialState())).hasSize(1);
    assertThat(only("for (@x <- @\"a\"; @y <- @\"b\") { @\"out\"!(x, y) } | @\"a\"!(1) | @\"b\"!(2)"))
        .isEqualTo(state("@\"out\"!(1, 2)"));
  }

  @Test
  void selectOffersEverySatisfiableBranch() {
    String src = "select { @x <- @\"a\" => @\"out\"!(\"a\") @y <- @\"b\" => @\"out\"!(\"b\") }"
        + " | @\"a\"!(1) | @\"b\"!(2)";
    Program p = Programs.load(src);
    var next = p.successors(p.initialState());
    assertThat(next).hasSize(2);
    assertThat(next.stream().map(t -> t.target().fingerprint()))
        .containsExactlyInAnyOrder(state("@\"out\"!(\"a\") | @\"b\"!(2)"),
            state("@\"out\"!(\"b\") | @\"a\"!(1)"));
    assertThat(finals(src)).containsExactlyInAnyOrder(state("@\"out\"!(\"a\") | @\"b\"!(2)"),
        state("@\"out\"!(\"b\") | @\"a\"!(1)"));
  }

  @Test
  void selectConsumesTheWholeChoiceWhicheverBranchFires() {
    // after one branch fires the others are gone: the second message stays unconsumed
    String src = "select { @x <- @\"a\" => Nil @y <- @\"a\" => @\"out\"!(y) }"
        + " | @\"a\"!(1) | @\"a\"!(2)";
    assertThat(finals(src)).containsExactlyInAnyOrder(
        state("@\"a\"!(2)"), state("@\"a\"!(1)"),
        state("@\"out\"!(1) | @\"a\"!(2)"), state("@\"out\"!(2) | @\"a\"!(1)"));
  }

  @Test
  void selectBranchesWithJoinsAndPatternsOfferOnlyWhatMatches() {
    // the first branch needs both a and b; the second only accepts 2 on b
    String src = "select { @x <- @\"a\" & @y <- @\"b\" => @\"out\"!(x, y)"
        + "  @2 <- @\"b\" => @\"out\"!(\"two\")  @3 <- @\"b\" => @\"out\"!(\"three\") }"
        + " | @\"a\"!(1) | @\"b\"!(2)";
    Program p = Programs.load(src);
    assertThat(p.successors(p.initialState())).hasSize(2);
    assertThat(finals(src)).containsExactlyInAnyOrder(state("@\"out\"!(1, 2)"),
        state("@\"out\"!(\"two\") | @\"a\"!(1)"));
  }

  @Test
  void aSelectWithNoSatisfiableBranchDeadlocks() {
    Program p = Programs.load("select { @x <- @\"a\" => Nil @y <- @\"b\" => Nil } | @\"c\"!(1)");
    assertThat(p.initialState().isDeadlocked()).isTrue();
  }

  /** The printed one stuck state reachable from {@code source}, reached in one COMM. */
  private static String afterOneComm(String source) {
    Program p = Programs.load(source);
    var next = p.successors(p.initialState());
    assertThat(next).as("COMMs of %s", source).hasSize(1);
    StateView s = next.get(0).target();
    assertThat(s.isStuck()).isTrue();
    return s.print();
  }

  @Test
  void aQuotedProcessPatternBindsTheEvalOfAPrivateName() {
    String src = "new x, r in { r!(*x) | for (@v <- r) { @\"got\"!(v) } }";
    assertThat(afterOneComm(src)).contains("@\"got\"!(*x)");
    assertThat(only(src)).isEqualTo(state("new x in { @\"got\"!(*x) }"));
    // bound as a name again, it is the private name itself
    assertThat(only("new x, r in { r!(*x) | for (@v <- r) { @{v}!(1) } }"))
        .isEqualTo(state("new x in { x!(1) }"));
    assertThat(only("new x, r in { r!(*x) | for (y <- r) { y!(1) } }"))
        .isEqualTo(state("new x in { x!(1) }"));
    // a literal pattern @{*x} (x in scope) accepts exactly that name
    assertThat(only("new x, r in { r!(*x) | for (@{=*x} <- r) { @\"ok\"!(1) } }"))
        .isEqualTo(state("@\"ok\"!(1)"));
  }

  @Test
  void aQuotedProcessPatternBindsOtherPayloadProcesses() {
    assertThat(only("new r in { r!(Nil) | for (@v <- r) { @\"got\"!(v) } }"))
        .isEqualTo(state("@\"got\"!(Nil)"));
    assertThat(only("new r in { @\"c\"!(\"a\") | for (x <- @\"c\") { r!(*x) }"
        + " | for (@v <- r) { @\"got\"!(v) } }")).isEqualTo(state("@\"got\"!(\"a\")"));
    assertThat(afterOneComm("new r in { r!({@\"a\"!(1)}) | for (@v <- r) { @\"got\"!(v) } }"))
        .contains("@\"got\"!(@\"a\"!(1))");
    // running the bound process releases the send
    assertThat(only("new r in { r!({@\"a\"!(1)}) | for (@v <- r) { v } }"))
        .isEqualTo(state("@\"a\"!(1)"));
    assertThat(only("new x, r in { r!(x!(7)) | for (@{y!(n)} <- r) { @\"got\"!(*y, n) } }"))
        .isEqualTo(state("new x in { @\"got\"!(*x, 7) }"));
  }

  @Test
  void aPersistentJoinOffersEveryTupleOfMatchingMessages() {
    // 12 x 12 message pairs, more than a per-receiver cache holds, plus the 12 with y = 0
    StringBuilder src = new StringBuilder(
        "for (@x <= @\"a\" & @y <= @\"b\") { @\"r\"!(x * 100 + y) }"
            + " | for (@{x /\\ Int} <= @\"a\" & @0 <= @\"b\") { @\"zero\"!(x) }");
    for (int i = 0; i < 12; i++) {
      src.append(" | @\"a\"!(").append(i).append(") | @\"b\"!(").append(i).append(")");
    }
    Program p = Programs.load(src.toString());
    for (int round = 0; round < 2; round++) { // the second round answers from the memo tables
      var next = p.successors(p.initialState());
      assertThat(next).hasSize(12 * 12 + 12);
      assertThat(next.stream().map(t -> t.target().fingerprint()).distinct()).hasSize(12 * 12 + 12);
    }
  }

  @Test
  void divisionByZeroLeavesTheThreadStuckInsteadOfFailing() {
    assertThat(only("@\"out\"!(1 / 0) | @\"ok\"!(1)")).isEqualTo(state("@\"ok\"!(1)"));
    assertThat(only("@\"out\"!(9223372036854775807 + 1) | @\"ok\"!(1)")).isEqualTo(state("@\"ok\"!(1)"));
  }

  @Test
  void systemUriNamesArePublicAndStdoutConsumesItsMessage() {
    Program p = Programs.load("new stdout(`rho:io:stdout`) in { stdout!(\"hi\") }");
    StateView s = p.initialState();
    assertThat(s.threads()).filteredOn(SendView.class::isInstance).singleElement()
        .isInstanceOfSatisfying(SendView.class, v -> {
          assertThat(v.channel().kind()).isEqualTo(ChannelKind.URI);
          assertThat(v.channel().label()).isEqualTo("rho:io:stdout");
        });
    assertThat(p.successors(s)).singleElement().satisfies(t -> {
      assertThat(t.target().threads()).noneMatch(SendView.class::isInstance);
      assertThat(t.target().isTerminal()).isTrue();
    });
  }

  @Test
  void privateChannelsKeepTheirDeclaredIdentifier() {
    StateView s = Programs.load("new balance in { balance!(10) }").initialState();
    assertThat(s.threads()).singleElement().isInstanceOfSatisfying(SendView.class, v -> {
      assertThat(v.channel().kind()).isEqualTo(ChannelKind.PRIVATE);
      assertThat(v.channel().label()).isEqualTo("balance");
      assertThat(v.payload()).hasSize(1);
    });
  }

  @Test
  void synchronousSendWaitsForTheReply() {
    Program p = Programs.load(
        "contract @\"echo\"(@v, ret) = { ret!(v) } | @\"echo\"!?(1); @\"done\"!(true)");
    assertThat(only("contract @\"echo\"(@v, ret) = { ret!(v) } | @\"echo\"!?(1); @\"done\"!(true)"))
        .isEqualTo(state("contract @\"echo\"(@v, ret) = { ret!(v) } | @\"done\"!(true)"));
    assertThat(p.initialState().isDeadlocked()).isFalse();
  }

  @Test
  void freeVariablesAreReportedWithTheirPosition() {
    assertThatThrownBy(() -> Programs.load("new x in {\n  y!(1)\n}"))
        .isInstanceOfSatisfying(LangException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNBOUND_VARIABLE);
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(3);
        });
  }

  @Test
  void unsupportedConstructsNameThemselvesAndTheirPosition() {
    assertThatThrownBy(() -> Engine.load(ProcessParser.parse("t.rho",
        "for (@{for (x <- y) { Nil }} <- @\"a\") { Nil }")))
        .isInstanceOfSatisfying(LangException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
          assertThat(e.detail()).contains("receive");
          assertThat(e.line()).isEqualTo(1);
        });
  }

  @Test
  void interleavingsThatCreateTheSameFreshNamesMeetInOneState() {
    // calls in either order make two fresh `c` names; both orders end in one state
    Program p = Programs.load(
        "contract @\"mk\"(@n) = { new c in { c!(n) } } | @\"mk\"!(1) | @\"mk\"!(2)");
    var r = rhoscope.engine.explore.Explorer.sequential(p,
        rhoscope.engine.explore.ExploreOptions.defaults());
    assertThat(r.distinctStates()).isEqualTo(4);
    assertThat(r.terminalStates()).isEqualTo(1);
  }

  @Test
  void renamingAFreshNameGivesTheSameFingerprint() {
    assertThat(state("new a in { new b in { a!(1) | b!(2) } }"))
        .isEqualTo(state("new b in { new a in { b!(2) | a!(1) } }"));
    assertThat(state("new x in { x!(1) } | new x in { x!(2) }"))
        .isEqualTo(state("new x in { x!(2) } | new x in { x!(1) }"));
  }
}
