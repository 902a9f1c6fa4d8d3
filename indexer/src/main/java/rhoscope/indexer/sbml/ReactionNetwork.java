package rhoscope.indexer.sbml;

import java.util.List;
import java.util.Objects;

/**
 * The part of an SBML core model that the discrete semantics read: species with their initial
 * amounts, and reactions as multisets of reactants and products plus modifiers. Rate laws, rules
 * and events are gone by now (reported as warnings while extracting).
 */
record ReactionNetwork(List<Species> species, List<Reaction> reactions) {
  ReactionNetwork {
    species = List.copyOf(species);
    reactions = List.copyOf(reactions);
  }

  /**
   * A species.
   *
   * @param initial initial amount (concentration times compartment size when given as a
   *     concentration); 0 when the model gives none
   * @param fixed boundary condition or constant: reactions read it but never change it
   */
  record Species(String id, double initial, boolean fixed) {
    Species {
      Objects.requireNonNull(id, "id");
    }
  }

  /** A species with its stoichiometry, a positive integer after rounding. */
  record Term(String species, int stoichiometry) {
    Term {
      Objects.requireNonNull(species, "species");
      if (stoichiometry < 1) {
        throw new IllegalArgumentException("stoichiometry must be positive: " + stoichiometry);
      }
    }
  }

  /** One direction of a reaction (a reversible SBML reaction yields two). */
  record Reaction(String id, List<Term> reactants, List<Term> products, List<String> modifiers) {
    Reaction {
      Objects.requireNonNull(id, "id");
      reactants = List.copyOf(reactants);
      products = List.copyOf(products);
      modifiers = List.copyOf(modifiers);
    }

    /** The same reaction run backwards, for the reverse direction of a reversible reaction. */
    Reaction reversed() {
      return new Reaction(id + "_reverse", products, reactants, modifiers);
    }
  }
}
