package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.Comparison;
import rhoscope.lang.ast.type.Literal;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.PayloadPattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.print.TypePrinter;

class TypeParserTest {

  private static Type parse(String text) {
    return TypeParser.parse("<query>", text).type();
  }

  @Test
  void sendWithComparisonPayloadParsesToComparePattern() {
    assertThat(parse("contains balance!(< 0)"))
        .isEqualTo(
            new Type.Contains(
                new Type.Send(
                    new NamePattern.PrivateName("balance"),
                    List.of(new PayloadPattern.Compare(Comparison.LT, new Literal.IntValue(0))),
                    false)));
  }

  @Test
  void payloadLiteralsWinOverTypesAndParenthesesForceATypedPayload() {
    Type literal = parse("\"x\"!(true, -3, \"ok\", _)");
    assertThat(literal)
        .isEqualTo(
            new Type.Send(
                new NamePattern.StringName("x"),
                List.of(
                    new PayloadPattern.Equal(new Literal.BoolValue(true)),
                    new PayloadPattern.Equal(new Literal.IntValue(-3)),
                    new PayloadPattern.Equal(new Literal.StringValue("ok")),
                    new PayloadPattern.AnyPayload()),
                false));
    assertThat(parse("\"x\"!((true))"))
        .isEqualTo(
            new Type.Send(
                new NamePattern.StringName("x"),
                List.of(new PayloadPattern.Typed(new Type.True())),
                false));
  }

  @Test
  void modalitiesTakeOptionalNamePatternLabels() {
    assertThat(parse("<\"a\">[`rho:id:*`]<>[]true"))
        .isEqualTo(
            new Type.Diamond(
                Optional.of(new NamePattern.StringName("a")),
                new Type.Box(
                    Optional.of(new NamePattern.UriName("rho:id:*")),
                    new Type.Diamond(
                        Optional.empty(), new Type.Box(Optional.empty(), new Type.True())))));
  }

  @ParameterizedTest(name = "{0}  reads as  {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "a!() or b!() and c!(); a!() or (b!() and c!())",
        "a!() | b!() and c!(); (a!() | b!()) and c!()",
        "not a!() | b!(); (not a!()) | b!()",
        "a!() => b!() => c!(); a!() => (b!() => c!())",
        "a!() or b!() or c!(); (a!() or b!()) or c!()",
        "mu X. a!() or <>X; mu X. (a!() or <>X)",
        "not mu X. a!() or <>X; not (mu X. (a!() or <>X))",
        "eventually a!() or b!(); (eventually a!()) or b!()",
        "a!() and mu X. b!() or X; a!() and (mu X. (b!() or X))",
      })
  void precedenceAndAssociativityFollowTheGrammar(String text, String bracketed) {
    assertThat(parse(text)).isEqualTo(parse(bracketed));
  }

  @Test
  void fixpointVariablesResolveToVarsAndNamedTypesToCalls() {
    Type t = parse("mu X. deadlock_free or race_free(\"bal\") or <>X");
    assertThat(t)
        .isEqualTo(
            new Type.Mu(
                "X",
                new Type.Or(
                    new Type.Or(
                        new Type.Call("deadlock_free", List.of()),
                        new Type.Call("race_free", List.of(new NamePattern.StringName("bal")))),
                    new Type.Diamond(Optional.empty(), new Type.Var("X")))));
  }

  @Test
  void letDefinitionsAreResolvedAndInlinedInTheCore() {
    ParsedType parsed =
        TypeParser.parse(
            "<query>", "let low(n) = contains n!(< 10);\nlet bad = eventually low(\"b\");\nbad");
    assertThat(parsed.definitions()).extracting(d -> d.name()).containsExactly("low", "bad");
    assertThat(parsed.type()).isEqualTo(new Type.Call("bad", List.of()));
    assertThat(TypePrinter.print(parsed.core()))
        .isEqualTo("mu X. \"b\"!(< 10) | true or <>X");
    assertThat(TypeExpander.isCore(parsed.core())).isTrue();
  }

  @Test
  void letMayHideALibraryTypeButNotRepeatItself() {
    ParsedType parsed = TypeParser.parse("<q>", "let deadlock_free = true; deadlock_free");
    assertThat(parsed.core()).isEqualTo(new Type.True());
    assertThatThrownBy(() -> TypeParser.parse("<q>", "let a = true; let a = false; a"))
        .isInstanceOfSatisfying(
            LangException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_DEFINITION));
  }

  @Test
  void sugarExpandsToTheDocumentedCore() {
    assertThat(TypePrinter.print(TypeParser.parse("<q>", "deadlock").core()))
        .isEqualTo("[]false and for(_) { true } | true");
    assertThat(TypePrinter.print(TypeParser.parse("<q>", "terminated").core()))
        .isEqualTo("[]false and not (for(_) { true } | true)");
    assertThat(TypePrinter.print(TypeParser.parse("<q>", "always a!()").core()))
        .isEqualTo("nu X. a!() and []X");
    assertThat(TypePrinter.print(TypeParser.parse("<q>", "inevitably a!()").core()))
        .isEqualTo("mu X. a!() or <>true and []X");
    assertThat(TypePrinter.print(TypeParser.parse("<q>", "a!() => b!()").core()))
        .isEqualTo("not a!() or b!()");
  }

  @Test
  void expansionDoesNotCaptureAnOuterVariable() {
    Type core = TypeParser.parse("<q>", "nu X. eventually (a!() and X)").core();
    assertThat(TypePrinter.print(core)).isEqualTo("nu X. mu X1. a!() and X or <>X1");
  }

  @Test
  void normalizedKeysIgnoreBoundVariableNamesAndSugar() {
    String sugared = TypeParser.parse("<q>", "eventually contains \"a\"!(_)").normalizedKey();
    String core = TypeParser.parse("<q>", "mu Y. (\"a\"!(_) | true) or <>Y").normalizedKey();
    assertThat(sugared).isEqualTo(core).isEqualTo("mu X0. \"a\"!(_) | true or <>X0");
  }

  @Test
  void positionsPointAtTheSourceOfEachNode() {
    ParsedType parsed = TypeParser.parse("<q>", "always\n  not deadlock");
    Type not = ((Type.Always) parsed.type()).operand();
    assertThat(parsed.positions().of(not)).hasValueSatisfying(s -> {
      assertThat(s.line()).isEqualTo(2);
      assertThat(s.column()).isEqualTo(3);
    });
  }

  @Test
  void syntaxErrorsNameTheExpectedRule() {
    assertThatThrownBy(() -> TypeParser.parse("q.type", "always (a!() and"))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX);
              assertThat(e.getMessage())
                  .startsWith("q.type:1:17: mismatched input '<EOF>'. Expecting: <type>")
                  .endsWith("always (a!() and\n                ^");
            });
  }

  /** The lexer consumes an unterminated literal whole; the SLL-to-LL retry must not lose it. */
  @Test
  void lexicalErrorsAreNamedAtTheirFirstCharacter() {
    assertSyntaxError("eventually contains \"abc", 1, 21, "unterminated string literal");
    assertSyntaxError("always (a!(_) and\n  b!(\"x))", 2, 6, "unterminated string literal");
    assertSyntaxError("always `rho:x", 1, 8, "unterminated URI literal");
    assertSyntaxError("always a!(_) #", 1, 14, "unexpected character '#'");
  }

  private static void assertSyntaxError(String text, int line, int column, String detail) {
    assertThatThrownBy(() -> TypeParser.parse("q", text))
        .as(text)
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX);
              assertThat(e.line() + ":" + e.column()).isEqualTo(line + ":" + column);
              assertThat(e.detail()).isEqualTo(detail);
            });
  }

  /**
   * Long flat chains build whole: indexing the operands one by one through ANTLR's accessors was
   * quadratic, and 100k disjuncts kept a query thread busy for minutes (a regression shows as a
   * test run that takes minutes; no assertion here depends on the machine's speed). A chain
   * nests in the tree, so 100k operands are refused as too deep, after the whole chain is built.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"' or '", "' and '", "' | '"})
  void longOperatorChainsBuildInLinearTime(String operator) {
    int n = 1_000;
    Type t = parse(String.join(operator, java.util.Collections.nCopies(n, "true")));
    int operands = 1;
    while (t instanceof Type.Or || t instanceof Type.And || t instanceof Type.Par) {
      t = switch (t) {
        case Type.Or o -> o.left();
        case Type.And a -> a.left();
        case Type.Par p -> p.left();
        default -> throw new AssertionError(t);
      };
      operands++;
    }
    assertThat(operands).isEqualTo(n);

    String tooLong = String.join(operator, java.util.Collections.nCopies(100_000, "true"));
    assertThatThrownBy(() -> parse(tooLong))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP);
              assertThat(e.detail()).isEqualTo("the type is nested more than 1,024 levels deep");
            });
  }

  @Test
  void tooDeepInputIsReportedNotThrownAsStackOverflow() {
    String deep = "not ".repeat(200_000) + "true";
    assertThatThrownBy(() -> TypeParser.parse("<q>", deep))
        .isInstanceOfSatisfying(
            LangException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP));
  }
}
