package rhoscope.indexer.sbml;

import java.util.Objects;

/**
 * Whether one modifier of a reaction must be present for that reaction (in one direction) to fire,
 * and what decided it.
 *
 * @param species the modifier's species id
 * @param required whether the reaction needs it present
 * @param basis what decided it
 */
public record ModifierRole(String species, boolean required, Basis basis) {
  public ModifierRole {
    Objects.requireNonNull(species, "species");
    Objects.requireNonNull(basis, "basis");
  }

  /** What decided a modifier's role, first match wins in the order below. */
  public sealed interface Basis {
    /** The species is also a reactant or product: that role already says what it does. */
    record AlsoReactantOrProduct() implements Basis {}

    /** The modifier's SBO term (an inhibitor, a catalyst, ...), read through the SBO hierarchy. */
    record SboTerm(String term, String termName) implements Basis {
      public SboTerm {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(termName, "termName");
      }
    }

    /**
     * The kinetic law, evaluated with the modifier at zero and the other species at positive
     * points: required when the rate never goes this reaction's way there.
     */
    record RateLaw() implements Basis {}

    /** Neither decided (no law, or a law that cannot be evaluated): required, as a guard errs. */
    record Default(String why) implements Basis {
      public Default {
        Objects.requireNonNull(why, "why");
      }
    }
  }

  /** A phrase for people: "MEK (required: the rate law vanishes without it)". */
  public String describe() {
    String why =
        switch (basis) {
          case Basis.AlsoReactantOrProduct a -> "also a reactant or product, not an extra guard";
          case Basis.SboTerm s -> s.term() + " " + s.termName();
          case Basis.RateLaw r ->
              required ? "the rate law vanishes without it" : "the rate law does not need it";
          case Basis.Default d -> "by default: " + d.why();
        };
    return species + " (" + (required ? "required" : "not required") + ": " + why + ")";
  }
}
