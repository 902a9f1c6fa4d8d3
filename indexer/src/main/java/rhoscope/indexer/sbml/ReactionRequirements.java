package rhoscope.indexer.sbml;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What one direction of a reaction needs present to fire under boolean and counts semantics: its
 * reactants, and the modifiers whose role says so. {@code rhoscope import --explain} prints these.
 *
 * @param reaction the id of this direction ({@code R} or {@code R_reverse})
 * @param reactants the reactants of this direction (the products of {@code R} for its reverse)
 * @param modifiers every modifier of the SBML reaction, each with its role in this direction
 */
public record ReactionRequirements(
    String reaction, List<String> reactants, List<ModifierRole> modifiers) {
  public ReactionRequirements {
    Objects.requireNonNull(reaction, "reaction");
    reactants = List.copyOf(reactants);
    modifiers = List.copyOf(modifiers);
  }

  /** The species this direction needs present: reactants, then required modifiers. */
  public List<String> required() {
    return Stream.concat(
            reactants.stream(),
            modifiers.stream().filter(ModifierRole::required).map(ModifierRole::species))
        .distinct()
        .toList();
  }
}
