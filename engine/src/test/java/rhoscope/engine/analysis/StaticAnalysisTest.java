package rhoscope.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SendKind;
import rhoscope.lang.ast.process.Source;

class StaticAnalysisTest {

  private static Name pub(String s) {
    return new Name.Quote(new Proc.StringLit(s));
  }

  private static Name var(String s) {
    return new Name.NameVar(s);
  }

  private static Proc send(Name ch, Proc... args) {
    return new Proc.Send(ch, SendKind.SINGLE, List.of(args));
  }

  private static Proc recv(ReceiptKind kind, Name ch, Name pattern, Proc body) {
    return new Proc.Input(
        kind, List.of(new Bind(List.of(pattern), Optional.empty(), new Source.Simple(ch))), body);
  }

  private static Proc par(Proc... ps) {
    return Proc.Par.of(List.of(ps));
  }

  private static Proc newNames(Proc body, String... names) {
    return new Proc.New(
        List.of(names).stream().map(n -> new NameDecl(n, Optional.empty())).toList(), body);
  }

  private static final Proc NIL = new Proc.Nil();

  @Test
  void countsSendsAndReceivesPerChannel() {
    Proc p =
        par(
            send(pub("a"), new Proc.IntLit(1)),
            send(pub("a"), new Proc.IntLit(2)),
            recv(ReceiptKind.LINEAR, pub("a"), var("x"), NIL),
            recv(ReceiptKind.PEEK, pub("b"), var("y"), NIL));

    StaticFeatures f = StaticAnalysis.of(p);

    ChannelUse a = f.channels().get(new Channel(ChannelKind.PUBLIC, "\"a\""));
    assertThat(a.sends()).isEqualTo(2);
    assertThat(a.linearReceives()).isEqualTo(1);
    assertThat(f.channels().get(new Channel(ChannelKind.PUBLIC, "\"b\"")).peeks()).isEqualTo(1);
    assertThat(f.freeNames()).containsExactly("\"a\"", "\"b\"");
    assertThat(f.hasLinearReceive()).isTrue();
  }

  @Test
  void receiveGuardingSendMakesDependencyEdgesAndCyclesFormComponents() {
    // for (_ <- x) { y!() } | for (_ <- y) { x!() } | for (_ <- z) { z!() } | for (_ <- x) { w!() }
    Proc p =
        newNames(
            par(
                recv(ReceiptKind.LINEAR, var("x"), new Name.NameWildcard(), send(var("y"))),
                recv(ReceiptKind.LINEAR, var("y"), new Name.NameWildcard(), send(var("x"))),
                recv(ReceiptKind.LINEAR, var("z"), new Name.NameWildcard(), send(var("z"))),
                recv(ReceiptKind.LINEAR, var("x"), new Name.NameWildcard(), send(var("w")))),
            "x",
            "y",
            "z",
            "w");

    StaticFeatures f = StaticAnalysis.of(p);

    assertThat(f.dependencies())
        .containsExactly(
            new Dependency("x", "w"),
            new Dependency("x", "y"),
            new Dependency("y", "x"),
            new Dependency("z", "z"));
    assertThat(f.cycles()).containsExactly(List.of("x", "y"), List.of("z"));
    assertThat(f.declaredNames()).containsExactly("w", "x", "y", "z");
    assertThat(f.freeNames()).isEmpty();
  }

  @Test
  void nestedReceivesGuardEveryInnerSend() {
    Proc inner = recv(ReceiptKind.LINEAR, pub("b"), var("v"), send(pub("c")));
    Proc p = recv(ReceiptKind.LINEAR, pub("a"), var("u"), inner);

    StaticFeatures f = StaticAnalysis.of(p);

    assertThat(f.dependencies())
        .containsExactly(new Dependency("\"a\"", "\"c\""), new Dependency("\"b\"", "\"c\""));
    assertThat(f.cycles()).isEmpty();
  }

  @Test
  void receiveBoundNamesAreLabelledAsBound() {
    // contract @"svc"(ret) = { ret!(1) }
    Proc p =
        new Proc.Contract(
            pub("svc"),
            List.of(var("ret")),
            Optional.empty(),
            send(var("ret"), new Proc.IntLit(1)));

    StaticFeatures f = StaticAnalysis.of(p);

    assertThat(f.channelLabels()).containsExactly("\"svc\"", "?ret");
    assertThat(f.dependencies()).containsExactly(new Dependency("\"svc\"", "?ret"));
    assertThat(f.channels().get(new Channel(ChannelKind.PUBLIC, "\"svc\"")).persistentReceives())
        .isEqualTo(1);
    // A contract waits for calls; it is not a linear receive.
    assertThat(f.hasLinearReceive()).isFalse();
  }

  @Test
  void raceCandidatesNeedCompetingSendsOrCompetingLinearReceives() {
    Proc p =
        par(
            // two sends, one linear receive: race
            send(pub("bal")),
            send(pub("bal")),
            recv(ReceiptKind.LINEAR, pub("bal"), var("b"), NIL),
            // one send, two linear receives: race
            send(pub("lock")),
            recv(ReceiptKind.LINEAR, pub("lock"), var("l1"), NIL),
            recv(ReceiptKind.LINEAR, pub("lock"), var("l2"), NIL),
            // two sends, one persistent receive: every send is served, no race
            send(pub("svc")),
            send(pub("svc")),
            recv(ReceiptKind.PERSISTENT, pub("svc"), var("s"), NIL),
            // one send, one receive: no race
            send(pub("one")),
            recv(ReceiptKind.LINEAR, pub("one"), var("o"), NIL));

    assertThat(StaticAnalysis.of(p).raceCandidates()).containsExactly("\"bal\"", "\"lock\"");
  }

  @Test
  void aSendUnderAContractCanRaceWithItself() {
    // contract @"deposit"(_) = { @"balance"!(1) } | for (_ <- @"balance") { Nil }
    Proc p =
        par(
            new Proc.Contract(
                pub("deposit"),
                List.of(new Name.NameWildcard()),
                Optional.empty(),
                send(pub("balance"))),
            recv(ReceiptKind.LINEAR, pub("balance"), new Name.NameWildcard(), NIL));

    assertThat(StaticAnalysis.of(p).raceCandidates()).containsExactly("\"balance\"");
  }

  @Test
  void urisGiveFreeNamesAndNamespaces() {
    Proc p =
        new Proc.New(
            List.of(new NameDecl("lookup", Optional.of("rho:registry:lookup"))),
            send(var("lookup"), new Proc.UriLit("rho:id:abc")));

    StaticFeatures f = StaticAnalysis.of(p);

    assertThat(f.freeNames()).containsExactly("`rho:registry:lookup`");
    assertThat(f.namespaces()).containsExactly("rho", "rho:registry");
    assertThat(f.literals()).contains("`rho:registry:lookup`", "`rho:id:abc`");
    assertThat(f.declaredNames()).isEmpty();
  }

  @Test
  void stringBuildingIsFlaggedSoPublicNamesNeedNotBeLiteral() {
    Proc literalOnly = send(pub("a"), new Proc.StringLit("PP_K"));
    Proc concatenating =
        send(
            pub("a"),
            new Proc.Binary(BinaryOp.CONCAT, new Proc.StringLit("PP"), new Proc.StringLit("_K")));
    Proc sizing = send(pub("a"), new Proc.Method(new Proc.StringLit("abc"), "length", List.of()));

    assertThat(StaticAnalysis.of(literalOnly).computesStrings()).isFalse();
    assertThat(StaticAnalysis.of(literalOnly).literals()).containsExactly("\"PP_K\"", "\"a\"");
    assertThat(StaticAnalysis.of(concatenating).computesStrings()).isTrue();
    assertThat(StaticAnalysis.of(sizing).computesStrings()).isFalse();
  }

  @Test
  void patternLiteralsDoNotCountAsLiteralsButBindTheirVariables() {
    // for (@{"ok" | x} <- @"in") { @x!(1) }
    Proc pattern = Proc.Par.of(List.of(new Proc.StringLit("ok"), new Proc.Var("x")));
    Proc p =
        recv(
            ReceiptKind.LINEAR,
            pub("in"),
            new Name.Quote(pattern),
            send(new Name.Quote(new Proc.Var("x")), new Proc.IntLit(1)));

    StaticFeatures f = StaticAnalysis.of(p);

    assertThat(f.literals()).containsExactly("\"in\"");
    assertThat(f.channelLabels()).containsExactly("\"in\"", "?x");
  }

  @Test
  void namespacesSplitAtSeparators() {
    assertThat(Namespaces.prefixes("bank/alice/balance")).containsExactly("bank", "bank/alice");
    assertThat(Namespaces.prefixes("ERK_PP")).isEmpty();
    assertThat(Namespaces.prefixes("rho:io:stdout")).containsExactly("rho", "rho:io");
  }
}
