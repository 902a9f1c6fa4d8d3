package rhoscope.indexer.sbml;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The logical regulatory graph of an SBML-qual model: species with levels {@code 0..maxLevel}, and
 * for each updated species the function that gives its target level.
 */
record QualNetwork(List<Species> species, List<Update> updates) {
  QualNetwork {
    species = List.copyOf(species);
    updates = List.copyOf(updates);
  }

  /** A qualitative species; {@code constant} species never move. */
  record Species(String id, int maxLevel, int initialLevel, boolean constant) {
    Species {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * The update of one output species by one transition: the target level is the result of the first
   * term whose condition holds, otherwise {@code defaultLevel}.
   *
   * @param reads the species the conditions read (the output first when it reads itself)
   */
  record Update(
      String transition, String output, List<String> reads, List<Term> terms, int defaultLevel) {
    Update {
      Objects.requireNonNull(transition, "transition");
      Objects.requireNonNull(output, "output");
      reads = List.copyOf(reads);
      terms = List.copyOf(terms);
    }

    /** The target level of the output when the species have the given levels. */
    int target(Map<String, Integer> levels) {
      for (Term t : terms) {
        if (t.condition().value(levels) != 0) {
          return t.resultLevel();
        }
      }
      return defaultLevel;
    }
  }

  /** One function term: {@code resultLevel} when {@code condition} holds. */
  record Term(int resultLevel, Expr condition) {
    Term {
      Objects.requireNonNull(condition, "condition");
    }
  }

  /**
   * The MathML subset SBML-qual function terms use, with input ids already replaced by their
   * threshold levels. Values are integers; conditions are 1 (true) or 0 (false), as in MathML's own
   * coercions.
   */
  sealed interface Expr {
    long value(Map<String, Integer> levels);

    record Num(long n) implements Expr {
      @Override
      public long value(Map<String, Integer> levels) {
        return n;
      }
    }

    record Level(String species) implements Expr {
      public Level {
        Objects.requireNonNull(species, "species");
      }

      @Override
      public long value(Map<String, Integer> levels) {
        return levels.get(species);
      }
    }

    enum Rel {
      EQ,
      NEQ,
      LT,
      LEQ,
      GT,
      GEQ
    }

    record Compare(Rel rel, Expr left, Expr right) implements Expr {
      public Compare {
        Objects.requireNonNull(rel, "rel");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
      }

      @Override
      public long value(Map<String, Integer> levels) {
        long a = left.value(levels);
        long b = right.value(levels);
        boolean holds =
            switch (rel) {
              case EQ -> a == b;
              case NEQ -> a != b;
              case LT -> a < b;
              case LEQ -> a <= b;
              case GT -> a > b;
              case GEQ -> a >= b;
            };
        return holds ? 1 : 0;
      }
    }

    enum Connective {
      AND,
      OR,
      XOR
    }

    record Logic(Connective connective, List<Expr> operands) implements Expr {
      public Logic {
        Objects.requireNonNull(connective, "connective");
        operands = List.copyOf(operands);
      }

      @Override
      public long value(Map<String, Integer> levels) {
        int trues = 0;
        for (Expr e : operands) {
          if (e.value(levels) != 0) {
            trues++;
          }
        }
        boolean holds =
            switch (connective) {
              case AND -> trues == operands.size();
              case OR -> trues > 0;
              case XOR -> trues % 2 == 1;
            };
        return holds ? 1 : 0;
      }
    }

    record Not(Expr operand) implements Expr {
      public Not {
        Objects.requireNonNull(operand, "operand");
      }

      @Override
      public long value(Map<String, Integer> levels) {
        return operand.value(levels) == 0 ? 1 : 0;
      }
    }
  }
}
