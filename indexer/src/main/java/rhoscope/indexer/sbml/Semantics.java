package rhoscope.indexer.sbml;

import java.util.Locale;

/**
 * The discrete semantics an SBML model is translated under; chosen per import and recorded with the
 * imported process, because the same file yields different processes (and verdicts) under each.
 */
public sealed interface Semantics {

  /**
   * Each species present or absent; a reaction fires when its reactants and modifiers are present,
   * makes its products present, and each consumed reactant may stay or vanish (BIOCHAM's Boolean
   * semantics, an over-approximation of the stochastic one).
   */
  record Boolean() implements Semantics {}

  /** Molecule counts per species capped at {@code k}, initial amounts scaled into {@code 0..k}. */
  record Counts(int k) implements Semantics {
    public Counts {
      if (k < 1) {
        throw new IllegalArgumentException("counts:K needs K >= 1, got " + k);
      }
    }
  }

  /** SBML-qual: the asynchronous logical semantics (one species moves one level at a time). */
  record Qual() implements Semantics {}

  /** The CLI spelling: {@code boolean}, {@code counts:K} or {@code qual}. */
  default String label() {
    return switch (this) {
      case Boolean b -> "boolean";
      case Counts c -> "counts:" + c.k();
      case Qual q -> "qual";
    };
  }

  /**
   * Parses the CLI spelling.
   *
   * @throws IllegalArgumentException naming the accepted spellings when {@code text} is none of
   *     them
   */
  static Semantics parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("boolean")) {
      return new Boolean();
    }
    if (t.equals("qual")) {
      return new Qual();
    }
    if (t.startsWith("counts:")) {
      String k = t.substring("counts:".length());
      try {
        return new Counts(Integer.parseInt(k));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("counts:K needs an integer K, got '" + k + "'", e);
      }
    }
    throw new IllegalArgumentException(
        "unknown semantics '" + text + "' (expected boolean, counts:K or qual)");
  }
}
