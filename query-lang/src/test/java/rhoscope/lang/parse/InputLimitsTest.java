package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.print.ProcessPrinter;
import rhoscope.lang.print.TypePrinter;

/**
 * Input that would stall or crash a pass after parsing is refused by the parser, with the
 * position of the problem: bracket nesting, parse-tree depth, and the size of inlined types.
 */
class InputLimitsTest {

  @Test
  void bracketsBeyondTheLimitAreRefusedAtTheFirstBracketTooDeep() {
    String deep = "new x in {\n  x!(" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ") }";
    assertThatThrownBy(() -> ProcessParser.parse("deep.rho", deep))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP);
              assertThat(e.line()).isEqualTo(2);
              // "  x!(" puts the second bracket at column 5 (the brace of line 1 is the first),
              // so the one past the limit is MAX_BRACKETS - 1 further on.
              assertThat(e.column()).isEqualTo(5 + NestingLimit.MAX_BRACKETS - 1);
              assertThat(e.detail()).contains("nested more than 256 deep");
            });
  }

  @Test
  void typeBracketsBeyondTheLimitAreRefusedWhereTheyGetTooDeep() {
    String deep = "(".repeat(30_000) + "true" + ")".repeat(30_000);
    assertThatThrownBy(() -> TypeParser.parse("<query>", deep))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP);
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(NestingLimit.MAX_BRACKETS + 1);
            });
  }

  @Test
  void aLongPrefixChainIsRefusedOnItsOwnLineNotAtTheStart() {
    String deep = "eventually\n  contains \"a\"!(_)\n  and " + "<> ".repeat(26_000) + "true";
    assertThatThrownBy(() -> TypeParser.parse("<query>", deep))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP);
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isGreaterThan(7);
            });
  }

  @Test
  void aLongFlatParallelCompositionIsNotTooDeep() {
    String wide = "new x in { " + "x!(1) | ".repeat(20_000) + "Nil }";
    ParsedProcess parsed = onLauncherStack(() -> ProcessParser.parse("wide.rho", wide));
    assertThat(ProcessPrinter.print(parsed.process())).contains("x!(1)");
  }

  /**
   * Chains without brackets that the AST nests, one level per operator, receipt or decl, of
   * {@code n} links each, as the second line of a process.
   */
  private static Map<String, String> chains(int n) {
    Map<String, String> chains = new LinkedHashMap<>();
    chains.put("sum", "x!(" + chain(n, " + ", "1") + ")");
    chains.put("and", "x!(" + chain(n, " and ", "true") + ")");
    chains.put("equality", "x!(" + chain(n, " == ", "1") + ")");
    chains.put("method", "x!(1" + ".length()".repeat(n) + ")");
    chains.put("pattern disjunction", "for (@{" + chain(n, " \\/ ", "1") + "} <- x) { Nil }");
    chains.put("receipts", "for (" + chain(n, "; ", "a <- x") + ") { Nil }");
    chains.put("sequential let", "let " + chain(n, "; ", "a <- 1") + " in { x!(a) }");
    return chains;
  }

  private static String chain(int n, String operator, String operand) {
    return String.join(operator, Collections.nCopies(n, operand));
  }

  /**
   * Each chain far beyond the limit, and the columns between which it is refused: an operator
   * chain where it starts ({@code "  x!(1 + 1 ..."}), a receipt or decl chain at the one that
   * crosses the limit (each is 8 characters long).
   */
  static Stream<Arguments> chainsBeyondTheLimit() {
    int limit = NestingLimit.MAX_TREE_DEPTH;
    return chains(20_000).entrySet().stream()
        .map(
            c ->
                switch (c.getKey()) {
                  case "receipts", "sequential let" ->
                      Arguments.of(c.getKey(), c.getValue(), 8 * (limit - 64), 8 * limit);
                  case "pattern disjunction" -> Arguments.of(c.getKey(), c.getValue(), 10, 10);
                  default -> Arguments.of(c.getKey(), c.getValue(), 6, 6);
                });
  }

  static Stream<Arguments> chainsInsideTheLimit() {
    return chains(NestingLimit.MAX_TREE_DEPTH - 64).entrySet().stream()
        .map(c -> Arguments.of(c.getKey(), c.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chainsBeyondTheLimit")
  void aLongChainThatTheTreeNestsIsRefusedAtItsPosition(
      String shape, String chain, int fromColumn, int toColumn) {
    String process = "new x in {\n  " + chain + "\n}";
    assertThatThrownBy(() -> onLauncherStack(() -> ProcessParser.parse("chain.rho", process)))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP);
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isBetween(fromColumn, toColumn);
              assertThat(e.detail()).contains("nested more than 4096 levels deep");
              assertThat(e.excerpt()).hasSizeLessThan(300);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chainsInsideTheLimit")
  void aChainJustInsideTheLimitPrintsBackToTheSameTree(String shape, String chain) {
    String process = "new x in {\n  " + chain + "\n}";
    ParsedProcess parsed = onLauncherStack(() -> ProcessParser.parse("chain.rho", process));
    String printed = onLauncherStack(() -> ProcessPrinter.print(parsed.process()));
    assertThat(onLauncherStack(() -> ProcessParser.parse("printed.rho", printed).process()))
        .isEqualTo(parsed.process());
  }

  @Test
  void nestingJustInsideTheLimitsGoesThroughEveryLaterPass() {
    int inner = NestingLimit.MAX_BRACKETS - 2;
    String process = "new x in { x!(" + "(".repeat(inner) + "1" + ")".repeat(inner) + ") }";
    String printed =
        onLauncherStack(() -> ProcessPrinter.print(ProcessParser.parse("p.rho", process).process()));
    assertThat(printed).contains("x!(1)");

    String type = "not ".repeat(TypeLimits.MAX_DEPTH - 4) + "eventually contains \"a\"!(_)";
    String expanded =
        onLauncherStack(() -> TypePrinter.print(TypeParser.parse("<query>", type).core()));
    assertThat(expanded).startsWith("not not");
  }

  @Test
  void aDoublingChainOfNamedTypesIsRefusedAtTheDefinitionThatCrossesTheLimit() {
    StringBuilder query = new StringBuilder("let t0 = eventually contains \"a\"!(_);\n");
    for (int i = 1; i <= 26; i++) {
      query.append("let t").append(i).append(" = t").append(i - 1).append(" and t").append(i - 1)
          .append(";\n");
    }
    query.append("t26");
    assertThatThrownBy(() -> TypeParser.parse("<query>", query.toString()))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
              assertThat(e.detail()).startsWith("named type t15 expands to more than 100,000 nodes");
              assertThat(e.line()).isEqualTo(16);
              assertThat(e.column()).isEqualTo(1);
            });
  }

  @Test
  void aChainOfNamedTypesInsideTheLimitExpandsToItsFullSize() {
    StringBuilder query = new StringBuilder("let t0 = eventually contains \"a\"!(_);\n");
    for (int i = 1; i <= 6; i++) {
      query.append("let t").append(i).append(" = t").append(i - 1).append(" and t").append(i - 1)
          .append(";\n");
    }
    query.append("t6");
    ParsedType parsed = TypeParser.parse("<query>", query.toString());
    assertThat(TypeExpander.isCore(parsed.core())).isTrue();
    assertThat(count(parsed.core(), Type.Eventually.class)).isEqualTo(64);
  }

  private static long count(Type type, Class<?> sugar) {
    long own = type instanceof Type.Sugared s && sugar.isInstance(s.sugar()) ? 1 : 0;
    return own + type.children().stream().mapToLong(c -> count(c, sugar)).sum();
  }

  /** Runs {@code work} on a thread with the stack the launcher gives every thread (-Xss16m). */
  private static <T> T onLauncherStack(java.util.function.Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.get());
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "launcher-stack",
            16L << 20);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (failure.get() instanceof RuntimeException e) {
      throw e;
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    return result.get();
  }
}
