package rhoscope.indexer.sbml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.Model;

/**
 * Evaluates SBML MathML numerically, with the model's function definitions inlined. The translation
 * only needs numbers to decide presence (is a value positive?) and whether a rate law vanishes, so
 * booleans are 1 and 0 and anything outside ordinary arithmetic, comparisons, logic and piecewise
 * is refused with {@link Unevaluable} naming it, never guessed.
 */
final class MathEvaluator {
  /** SBML's Avogadro csymbol, the 2019 SI value. */
  private static final double AVOGADRO = 6.02214076e23;

  /** Function definitions calling each other this deep are recursive, which SBML forbids. */
  private static final int MAX_CALL_DEPTH = 64;

  /** The value of a symbol (species, parameter, compartment, local parameter) at some point. */
  @FunctionalInterface
  interface Symbols {
    /**
     * @throws Unevaluable when the symbol has no value
     */
    double value(String id);
  }

  /** A formula that has no number: the message says what is missing or not understood. */
  static final class Unevaluable extends RuntimeException {
    Unevaluable(String message) {
      super(message, null, false, false);
    }
  }

  private final Model model;

  MathEvaluator(Model model) {
    this.model = model;
  }

  /**
   * @throws Unevaluable naming the construct or symbol that has no value
   */
  double eval(ASTNode math, Symbols symbols, double time) {
    try {
      return new Run(symbols, time).eval(math, Map.of(), 0);
    } catch (IndexOutOfBoundsException e) {
      // JSBML keeps an operator with too few operands, such as <apply><divide/><ci>S</ci></apply>
      throw new Unevaluable("the formula has an operator with too few operands");
    }
  }

  private final class Run {
    private final Symbols symbols;
    private final double time;

    Run(Symbols symbols, double time) {
      this.symbols = symbols;
      this.time = time;
    }

    double eval(ASTNode n, Map<String, Double> bound, int depth) {
      List<ASTNode> c = n.getChildren();
      return switch (n.getType()) {
        case INTEGER -> n.getInteger();
        case REAL, REAL_E, RATIONAL -> n.getReal();
        case NAME -> {
          Double b = bound.get(n.getName());
          yield b != null ? b : symbols.value(n.getName());
        }
        case NAME_TIME -> time;
        case NAME_AVOGADRO -> AVOGADRO;
        case CONSTANT_E -> Math.E;
        case CONSTANT_PI -> Math.PI;
        case CONSTANT_TRUE -> 1;
        case CONSTANT_FALSE -> 0;
        case PLUS, SUM -> {
          double s = 0;
          for (ASTNode x : c) {
            s += eval(x, bound, depth);
          }
          yield s;
        }
        case TIMES, PRODUCT -> {
          double p = 1;
          for (ASTNode x : c) {
            p *= eval(x, bound, depth);
          }
          yield p;
        }
        case MINUS ->
            c.size() == 1
                ? -eval(c.get(0), bound, depth)
                : eval(c.get(0), bound, depth) - eval(c.get(1), bound, depth);
        case DIVIDE -> eval(c.get(0), bound, depth) / eval(c.get(1), bound, depth);
        case POWER, FUNCTION_POWER ->
            Math.pow(eval(c.get(0), bound, depth), eval(c.get(1), bound, depth));
        case FUNCTION_ROOT ->
            c.size() == 1
                ? Math.sqrt(eval(c.get(0), bound, depth))
                : Math.pow(eval(c.get(1), bound, depth), 1 / eval(c.get(0), bound, depth));
        case FUNCTION_LOG ->
            c.size() == 1
                ? Math.log10(eval(c.get(0), bound, depth))
                : Math.log(eval(c.get(1), bound, depth)) / Math.log(eval(c.get(0), bound, depth));
        case FUNCTION_LN -> Math.log(one(c, bound, depth));
        case FUNCTION_EXP -> Math.exp(one(c, bound, depth));
        case FUNCTION_ABS -> Math.abs(one(c, bound, depth));
        case FUNCTION_FLOOR -> Math.floor(one(c, bound, depth));
        case FUNCTION_CEILING -> Math.ceil(one(c, bound, depth));
        case FUNCTION_SIN -> Math.sin(one(c, bound, depth));
        case FUNCTION_COS -> Math.cos(one(c, bound, depth));
        case FUNCTION_TAN -> Math.tan(one(c, bound, depth));
        case FUNCTION_SINH -> Math.sinh(one(c, bound, depth));
        case FUNCTION_COSH -> Math.cosh(one(c, bound, depth));
        case FUNCTION_TANH -> Math.tanh(one(c, bound, depth));
        case FUNCTION_ARCSIN -> Math.asin(one(c, bound, depth));
        case FUNCTION_ARCCOS -> Math.acos(one(c, bound, depth));
        case FUNCTION_ARCTAN -> Math.atan(one(c, bound, depth));
        case FUNCTION_MIN -> c.stream().mapToDouble(x -> eval(x, bound, depth)).min().orElseThrow();
        case FUNCTION_MAX -> c.stream().mapToDouble(x -> eval(x, bound, depth)).max().orElseThrow();
        case FUNCTION_QUOTIENT ->
            Math.floor(eval(c.get(0), bound, depth) / eval(c.get(1), bound, depth));
        case FUNCTION_REM -> eval(c.get(0), bound, depth) % eval(c.get(1), bound, depth);
        // the value before the delay is unknown; at the points evaluated it is the current one
        case FUNCTION_DELAY -> eval(c.get(0), bound, depth);
        case RELATIONAL_EQ -> relation(c, bound, depth, (a, b) -> a == b);
        case RELATIONAL_NEQ -> relation(c, bound, depth, (a, b) -> a != b);
        case RELATIONAL_LT -> relation(c, bound, depth, (a, b) -> a < b);
        case RELATIONAL_LEQ -> relation(c, bound, depth, (a, b) -> a <= b);
        case RELATIONAL_GT -> relation(c, bound, depth, (a, b) -> a > b);
        case RELATIONAL_GEQ -> relation(c, bound, depth, (a, b) -> a >= b);
        case LOGICAL_AND -> c.stream().allMatch(x -> truth(x, bound, depth)) ? 1 : 0;
        case LOGICAL_OR -> c.stream().anyMatch(x -> truth(x, bound, depth)) ? 1 : 0;
        case LOGICAL_XOR -> c.stream().filter(x -> truth(x, bound, depth)).count() % 2 == 1 ? 1 : 0;
        case LOGICAL_NOT -> truth(c.get(0), bound, depth) ? 0 : 1;
        case LOGICAL_IMPLIES ->
            !truth(c.get(0), bound, depth) || truth(c.get(1), bound, depth) ? 1 : 0;
        case FUNCTION_PIECEWISE -> piecewise(c, bound, depth);
        case FUNCTION -> call(n, bound, depth);
        default ->
            throw new Unevaluable(
                "the formula uses "
                    + n.getType().name().toLowerCase()
                    + ", which is not evaluated");
      };
    }

    private double one(List<ASTNode> c, Map<String, Double> bound, int depth) {
      return eval(c.get(0), bound, depth);
    }

    private boolean truth(ASTNode n, Map<String, Double> bound, int depth) {
      return eval(n, bound, depth) != 0;
    }

    private double relation(
        List<ASTNode> c, Map<String, Double> bound, int depth, Comparison holds) {
      for (int i = 0; i + 1 < c.size(); i++) {
        if (!holds.test(eval(c.get(i), bound, depth), eval(c.get(i + 1), bound, depth))) {
          return 0;
        }
      }
      return 1;
    }

    /** value1, condition1, value2, condition2, ..., [otherwise]. */
    private double piecewise(List<ASTNode> c, Map<String, Double> bound, int depth) {
      int i = 0;
      for (; i + 1 < c.size(); i += 2) {
        if (truth(c.get(i + 1), bound, depth)) {
          return eval(c.get(i), bound, depth);
        }
      }
      if (i < c.size()) {
        return eval(c.get(i), bound, depth);
      }
      throw new Unevaluable("a piecewise formula has no case that holds and no otherwise");
    }

    private double call(ASTNode n, Map<String, Double> bound, int depth) {
      FunctionDefinition f = model.getFunctionDefinition(n.getName());
      if (f == null || f.getBody() == null) {
        throw new Unevaluable("the formula calls " + n.getName() + ", which is not defined");
      }
      if (depth >= MAX_CALL_DEPTH) {
        throw new Unevaluable("function " + n.getName() + " calls itself");
      }
      if (f.getArgumentCount() != n.getChildCount()) {
        throw new Unevaluable(
            "function "
                + n.getName()
                + " takes "
                + f.getArgumentCount()
                + " arguments, called with "
                + n.getChildCount());
      }
      Map<String, Double> args = new HashMap<>();
      for (int i = 0; i < n.getChildCount(); i++) {
        args.put(f.getArgument(i).getName(), eval(n.getChild(i), bound, depth));
      }
      return eval(f.getBody(), args, depth + 1);
    }
  }

  @FunctionalInterface
  private interface Comparison {
    boolean test(double a, double b);
  }
}
