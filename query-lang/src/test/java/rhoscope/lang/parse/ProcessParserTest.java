package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.LetKind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SendKind;
import rhoscope.lang.ast.process.Source;
import rhoscope.lang.ast.process.UnaryOp;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.diag.SourceSpan;

class ProcessParserTest {

  private static Proc parse(String text) {
    return ProcessParser.parse("test.rho", text).process();
  }

  private static Name.NameVar var(String n) {
    return new Name.NameVar(n);
  }

  @Test
  void parFlattensAcrossBracesAndKeepsOrder() {
    assertThat(parse("@\"a\"!(1) | { Nil | x } | _"))
        .isEqualTo(
            new Proc.Par(
                List.of(
                    new Proc.Send(
                        new Name.Quote(new Proc.StringLit("a")),
                        SendKind.SINGLE,
                        List.of(new Proc.IntLit(1))),
                    new Proc.Nil(),
                    new Proc.Var("x"),
                    new Proc.Wildcard())));
  }

  @Test
  void newBodyIsProc1SoATrailingParallelIsOutsideTheNew() {
    Proc p = parse("new x in x!(1) | Nil");
    assertThat(p).isInstanceOf(Proc.Par.class);
    assertThat(((Proc.Par) p).parts().get(0)).isInstanceOf(Proc.New.class);
  }

  @Test
  void sequencedReceiptsBecomeNestedInputs() {
    Proc body = new Proc.Nil();
    Proc inner =
        new Proc.Input(
            ReceiptKind.PEEK,
            List.of(new Bind(List.of(var("b")), Optional.empty(), new Source.Simple(var("y")))),
            body);
    Proc outer =
        new Proc.Input(
            ReceiptKind.LINEAR,
            List.of(
                new Bind(List.of(var("a")), Optional.empty(), new Source.ReceiveSend(var("x"))),
                new Bind(
                    List.of(),
                    Optional.of(new Proc.Var("rest")),
                    new Source.SendReceive(var("z"), List.of(new Proc.IntLit(2))))),
            inner);
    assertThat(parse("for (a <- x?! & ...@rest <- z!?(2); b <<- y) { Nil }")).isEqualTo(outer);
  }

  @Test
  void operatorsFollowTheReferencePrecedence() {
    assertThat(parse("@0!(1 + 2 * -3 == 7 or not true)"))
        .isEqualTo(
            new Proc.Send(
                new Name.Quote(new Proc.IntLit(0)),
                SendKind.SINGLE,
                List.of(
                    new Proc.Binary(
                        BinaryOp.OR,
                        new Proc.Binary(
                            BinaryOp.EQ,
                            new Proc.Binary(
                                BinaryOp.ADD,
                                new Proc.IntLit(1),
                                new Proc.Binary(
                                    BinaryOp.MUL,
                                    new Proc.IntLit(2),
                                    new Proc.Unary(UnaryOp.NEG, new Proc.IntLit(3)))),
                            new Proc.IntLit(7)),
                        new Proc.Unary(UnaryOp.NOT, new Proc.BoolLit(true))))));
  }

  @Test
  void bracesHoldEitherAGroupOrAMap() {
    assertThat(parse("{}")).isEqualTo(new Proc.MapLit(List.of(), Optional.empty()));
    assertThat(parse("{ x }")).isEqualTo(new Proc.Var("x"));
    assertThat(parse("{...r}")).isEqualTo(new Proc.MapLit(List.of(), Optional.of(new Proc.Var("r"))));
    assertThat(parse("{ 1 : 2, 3: 4, }"))
        .isInstanceOfSatisfying(Proc.MapLit.class, m -> assertThat(m.entries()).hasSize(2));
  }

  @Test
  void stringAndUriEscapesAreResolved() {
    assertThat(parse("\"a\\\"b\\\\c\\nd\\te\"")).isEqualTo(new Proc.StringLit("a\"b\\c\nd\te"));
    assertThat(parse("`rho:\\`x\\\\`")).isEqualTo(new Proc.UriLit("rho:`x\\"));
  }

  @Test
  void aLetWithOneDeclarationIsSequential() {
    assertThat(parse("let x <- 1 in { Nil }"))
        .isInstanceOfSatisfying(Proc.Let.class, l -> assertThat(l.kind()).isEqualTo(LetKind.SEQUENTIAL));
    assertThat(parse("let x <- 1 & y <- 2 in { Nil }"))
        .isInstanceOfSatisfying(Proc.Let.class, l -> assertThat(l.kind()).isEqualTo(LetKind.CONCURRENT));
  }

  @Test
  void keywordsAreNotIdentifiersButLongerWordsAre() {
    assertThat(parse("Nilly")).isEqualTo(new Proc.Var("Nilly"));
    assertThat(parse("_x")).isEqualTo(new Proc.Var("_x"));
    assertThatThrownBy(() -> parse("new Nil in { Nil }")).isInstanceOf(LangException.class);
  }

  @Test
  void possiblyEmptyListsAcceptATrailingSeparatorAsBnfcDoes() {
    assertThat(parse("[1, 2,]")).isEqualTo(parse("[1, 2]"));
    assertThat(parse("@0!(1, )")).isEqualTo(parse("@0!(1)"));
    assertThat(parse("(1, )")).isEqualTo(parse("(1,)"));
    // ",)" is one token, which only closes a one-element tuple.
    assertThatThrownBy(() -> parse("@0!(1,)")).isInstanceOf(LangException.class);
    // Non-empty lists (new declarations, joined binds) stay strict.
    assertThatThrownBy(() -> parse("new x, in { Nil }")).isInstanceOf(LangException.class);
  }

  @Test
  void commentsAreIgnored() {
    assertThat(parse("// line\n/* block\n */ Nil // end")).isEqualTo(new Proc.Nil());
  }

  @Test
  void syntaxErrorsNameTheRulesTheyExpect() {
    assertThatThrownBy(() -> parse("new x in {\n  x!(1) |\n}"))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX);
              assertThat(e.getMessage())
                  .startsWith("test.rho:3:1: mismatched input '}'. Expecting: <process>");
              assertThat(e.excerpt()).isEqualTo("}\n^");
            });
  }

  @Test
  void recordsASpanForEveryNode() {
    ParsedProcess parsed =
        ProcessParser.parse(
            "spans.rho",
            "new x, y(`rho:io:stdout`) in {\n"
                + "  contract x(@a ...@r) = { y!(a, *r) } |\n"
                + "  for (@b <- x; c <= y) { match b { [h ...t] => Nil _ => c!({1: 2}) } } |\n"
                + "  select { d <- x?! => { let e <- 1 in { if (e > 0) y!(e) else Nil } } } |\n"
                + "  bundle+ { x!!(\"s\".length(), (1,), Set(=e \\/ ~Int), -BigInt(3)) }\n"
                + "}");
    List<Object> missing = new ArrayList<>();
    walk(parsed.process(), parsed, missing);
    assertThat(missing).isEmpty();
    Proc.New n = (Proc.New) parsed.process();
    assertThat(parsed.positions().of(n)).contains(new SourceSpan(1, 1, 6, 1));
    Proc.Par body = (Proc.Par) n.body();
    assertThat(parsed.positions().of(body.parts().get(1))).map(s -> s.line() + ":" + s.column())
        .contains("3:3");
  }

  /** Every record of the tree (processes, names, binds, cases ...) has a recorded span. */
  private static void walk(Object node, ParsedProcess parsed, List<Object> missing) {
    if (node instanceof Optional<?> o) {
      o.ifPresent(v -> walk(v, parsed, missing));
    } else if (node instanceof Collection<?> c) {
      c.forEach(v -> walk(v, parsed, missing));
    } else if (node instanceof Record r) {
      if (parsed.positions().of(r).isEmpty()) {
        missing.add(r);
      }
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        try {
          walk(rc.getAccessor().invoke(r), parsed, missing);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  @Test
  void deepNestingIsReportedNotCrashed() {
    String deep = "{".repeat(50_000) + "Nil" + "}".repeat(50_000);
    assertThatThrownBy(() -> parse(deep))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP);
              assertThat(e.detail()).isEqualTo("brackets are nested more than 256 deep");
            });
  }
}
