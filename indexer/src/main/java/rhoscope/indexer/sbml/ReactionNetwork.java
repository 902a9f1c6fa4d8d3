package rhoscope.indexer.sbml;

import java.util.List;
import java.util.Objects;

/**
 * The part of an SBML core model that the discrete semantics read: species with their initial
 * amounts, and reactions as multisets of reactants and products plus modifiers with their roles.
 * Rate laws and rules have been read for initial values and modifier roles; what they say beyond
 * that, and events, are gone by now (reported as warnings while extracting).
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

  /**
   * One direction of a reaction (a reversible SBML reaction yields two).
   *
   * @param roles every modifier of the SBML reaction with its role in this direction
   */
  record Reaction(String id, List<Term> reactants, List<Term> products, List<ModifierRole> roles) {
    Reaction {
      Objects.requireNonNull(id, "id");
      reactants = List.copyOf(reactants);
      products = List.copyOf(products);
      roles = List.copyOf(roles);
    }

    /** The modifiers this direction needs present, beyond its reactants. */
    List<String> modifiers() {
      return roles.stream().filter(ModifierRole::required).map(ModifierRole::species).toList();
    }

    /** The reverse direction of a reversible reaction, with its own modifier roles. */
    Reaction reversed(List<ModifierRole> reverseRoles) {
      return new Reaction(id + "_reverse", products, reactants, reverseRoles);
    }

    ReactionRequirements requirements() {
      return new ReactionRequirements(
          id, reactants.stream().map(Term::species).distinct().toList(), roles);
    }
  }
}
