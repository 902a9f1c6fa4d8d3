package rhoscope.indexer.sbml;

import java.util.Objects;

/**
 * Something in the SBML file that the translation could not honour. Warnings travel with the
 * imported process so that a verdict on it can be read with its caveats; nothing is dropped
 * silently.
 *
 * @param kind what was not honoured
 * @param element the SBML id of the element concerned (a rule's variable, an event id, a reaction
 *     id), or the model id for model-wide warnings
 * @param message a sentence for people
 */
public record ImportWarning(Kind kind, String element, String message) {
  public ImportWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(message, "message");
  }

  /** The kinds of things a discrete translation leaves out or approximates. */
  public enum Kind {
    /** Kinetic laws: ignored by design, the semantics is discrete. */
    RATE_LAWS_IGNORED,
    /** An event: its trigger and assignments are not translated. */
    EVENT_IGNORED,
    /** An assignment rule: evaluated at time 0, its variable keeps that value. */
    ASSIGNMENT_RULE_FROZEN,
    /** A rate rule: its variable keeps its initial value. */
    RATE_RULE_IGNORED,
    /** An algebraic rule: the constraint it states is not enforced. */
    ALGEBRAIC_RULE_IGNORED,
    /** A constraint: not checked. */
    CONSTRAINT_IGNORED,
    /** A compartment whose size may change: volumes play no part in the translation. */
    VARIABLE_COMPARTMENT,
    /** An initial assignment that cannot be evaluated: the species starts from its own value. */
    INITIAL_ASSIGNMENT_IGNORED,
    /** A species with no initial value at all: it starts absent. */
    NO_INITIAL_VALUE,
    /** A stoichiometry that is not a positive integer, or is given by a formula. */
    STOICHIOMETRY_APPROXIMATED,
    /** A reaction that can never fire under counts:K (its stoichiometry exceeds K). */
    REACTION_NEVER_ENABLED,
    /** A model that is qualitative: translated under the asynchronous logical semantics. */
    SEMANTICS_SUBSTITUTED,
    /** Parts of the model the chosen semantics does not cover (qual parts of a core model). */
    PART_IGNORED,
    /** A Petri-net style transition effect (production, consumption) read as plain regulation. */
    TRANSITION_EFFECT_APPROXIMATED,
    /** A species that is the output of several transitions: each updates it independently. */
    SEVERAL_TRANSITIONS,
    /** An SBML Level 3 package that is required for the model's meaning but not understood. */
    PACKAGE_IGNORED,
    /**
     * A modifier whose role neither an SBO term nor the rate law decides (no law, or one that
     * cannot be evaluated): it is required, as before roles were read.
     */
    MODIFIER_ROLE_ASSUMED
  }
}
