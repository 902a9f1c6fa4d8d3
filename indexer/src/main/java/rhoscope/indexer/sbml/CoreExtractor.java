package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Constraint;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.ExplicitRule;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * Reads the reaction network out of an SBML core model: initial values at time 0 (rules and initial
 * assignments evaluated), and each reaction with the role of each of its modifiers (see {@link
 * ModifierRoles}). Every construct that the discrete semantics will not honour (rules beyond time
 * 0, events, variable compartments, formulas that cannot be evaluated) is reported as a warning.
 */
final class CoreExtractor {
  private final String source;
  private final Model model;
  private final Warnings warnings;
  private final MathEvaluator evaluator;
  private final InitialValues initial;

  private CoreExtractor(String source, Model model, Warnings warnings) {
    this.source = source;
    this.model = model;
    this.warnings = warnings;
    this.evaluator = new MathEvaluator(model);
    this.initial = new InitialValues(model, evaluator);
  }

  static ReactionNetwork extract(String source, Model model, Warnings warnings) {
    return new CoreExtractor(source, model, warnings).extract();
  }

  private ReactionNetwork extract() {
    reportIgnoredDynamics();
    List<ReactionNetwork.Species> species = new ArrayList<>();
    for (Species s : model.getListOfSpecies()) {
      boolean byRule = initial.rule(s.getId()) != null;
      species.add(
          new ReactionNetwork.Species(
              s.getId(), initialAmount(s), s.getBoundaryCondition() || s.getConstant() || byRule));
    }
    Set<String> known = new HashSet<>();
    species.forEach(s -> known.add(s.id()));
    List<ReactionNetwork.Reaction> reactions = new ArrayList<>();
    ModifierRoles roles = new ModifierRoles(model, evaluator, initial, warnings);
    int kinetic = 0;
    for (Reaction r : model.getListOfReactions()) {
      if (r.isSetKineticLaw()) {
        kinetic++;
      }
      r.getListOfModifiers().forEach(m -> requireKnown(r, m.getSpecies(), known));
      ModifierRoles.Directions decided = roles.decide(r);
      ReactionNetwork.Reaction forward =
          new ReactionNetwork.Reaction(
              r.getId(),
              terms(r, r.getListOfReactants(), known),
              terms(r, r.getListOfProducts(), known),
              decided.forward());
      reactions.add(forward);
      if (r.getReversible()) {
        reactions.add(forward.reversed(decided.reverse()));
      }
    }
    if (kinetic > 0) {
      warnings.add(
          ImportWarning.Kind.RATE_LAWS_IGNORED,
          model.getId(),
          kinetic
              + " kinetic law(s) ignored as rates (read only to decide which modifiers each"
              + " reaction needs): the discrete semantics keeps which reactions can fire, not"
              + " how fast");
    }
    return new ReactionNetwork(species, reactions);
  }

  private void reportIgnoredDynamics() {
    for (Compartment c : model.getListOfCompartments()) {
      if (!c.getConstant()) {
        warnings.add(
            ImportWarning.Kind.VARIABLE_COMPARTMENT,
            c.getId(),
            "compartment " + c.getId() + " may change size; volumes are not modelled");
      }
    }
    for (Rule rule : model.getListOfRules()) {
      String variable = rule instanceof ExplicitRule e ? e.getVariable() : model.getId();
      if (rule.isAssignment()) {
        warnings.add(
            ImportWarning.Kind.ASSIGNMENT_RULE_FROZEN,
            variable,
            "assignment rule for "
                + variable
                + " evaluated at time 0 only; "
                + variable
                + " keeps that value"
                + (model.getSpecies(variable) != null ? " and no reaction changes it" : ""));
      } else if (rule.isRate()) {
        warnings.add(
            ImportWarning.Kind.RATE_RULE_IGNORED,
            variable,
            "rate rule for " + variable + " ignored; it keeps its initial value");
      } else {
        warnings.add(
            ImportWarning.Kind.ALGEBRAIC_RULE_IGNORED,
            variable,
            "algebraic rule ignored; the relation it states is not enforced");
      }
    }
    for (Event e : model.getListOfEvents()) {
      String id = e.isSetId() ? e.getId() : "event #" + (model.getListOfEvents().indexOf(e) + 1);
      warnings.add(
          ImportWarning.Kind.EVENT_IGNORED,
          id,
          "event " + id + " ignored; its assignments never happen");
    }
    for (Constraint c : model.getListOfConstraints()) {
      warnings.add(
          ImportWarning.Kind.CONSTRAINT_IGNORED,
          model.getId(),
          "constraint #" + (model.getListOfConstraints().indexOf(c) + 1) + " is not checked");
    }
  }

  /**
   * The amount a species starts with: its value at time 0 (rules and initial assignments included),
   * times its compartment's size when that value is a concentration. A formula that cannot be
   * evaluated falls back on the declared value, with a warning.
   */
  private double initialAmount(Species s) {
    String id = s.getId();
    boolean byFormula = initial.rule(id) != null || initial.assigned(id);
    if (!byFormula && !s.isSetInitialAmount() && !s.isSetInitialConcentration()) {
      warnings.add(
          ImportWarning.Kind.NO_INITIAL_VALUE,
          id,
          "species " + id + " has no initial value; it starts absent");
      return 0.0;
    }
    if (!byFormula && s.isSetInitialAmount()) {
      return s.getInitialAmount();
    }
    try {
      double value = initial.value(id);
      return byFormula && s.getHasOnlySubstanceUnits() ? value : value * compartmentSize(s);
    } catch (MathEvaluator.Unevaluable e) {
      double declared =
          s.isSetInitialAmount()
              ? s.getInitialAmount()
              : s.isSetInitialConcentration() ? s.getInitialConcentration() : 0.0;
      warnings.add(
          ImportWarning.Kind.INITIAL_ASSIGNMENT_IGNORED,
          id,
          "the initial value of "
              + id
              + " cannot be computed ("
              + e.getMessage()
              + "); the species starts from its declared value, "
              + (declared > 0 ? "present" : "absent"));
      return declared;
    }
  }

  private double compartmentSize(Species s) {
    if (!s.isSetCompartment()) {
      return 1.0;
    }
    try {
      return initial.value(s.getCompartment());
    } catch (MathEvaluator.Unevaluable e) {
      return 1.0;
    }
  }

  private List<ReactionNetwork.Term> terms(
      Reaction r, List<SpeciesReference> refs, Set<String> known) {
    Map<String, Integer> merged = new LinkedHashMap<>();
    for (SpeciesReference ref : refs) {
      String id = ref.getSpecies();
      requireKnown(r, id, known);
      int n = stoichiometry(r, ref);
      if (n > 0) {
        merged.merge(id, n, Integer::sum);
      }
    }
    List<ReactionNetwork.Term> out = new ArrayList<>();
    merged.forEach((id, n) -> out.add(new ReactionNetwork.Term(id, n)));
    return out;
  }

  // stoichiometryMath is deprecated in JSBML because Level 3 dropped it, but Level 2 files use it
  @SuppressWarnings("deprecation")
  private int stoichiometry(Reaction r, SpeciesReference ref) {
    String where = "reaction " + r.getId() + ", species " + ref.getSpecies();
    if (ref.isSetStoichiometryMath()) {
      warnings.add(
          ImportWarning.Kind.STOICHIOMETRY_APPROXIMATED,
          r.getId(),
          where + ": stoichiometry given by a formula; taken as 1");
      return 1;
    }
    double s = ref.isSetStoichiometry() ? ref.getStoichiometry() : Double.NaN;
    if (Double.isNaN(s)) {
      if (ref.getLevel() >= 3) {
        warnings.add(
            ImportWarning.Kind.STOICHIOMETRY_APPROXIMATED,
            r.getId(),
            where + ": no stoichiometry given; taken as 1");
      }
      return 1;
    }
    long rounded = Math.round(s);
    if (rounded != s || rounded < 1) {
      int used = (int) Math.max(0, Math.min(rounded, Integer.MAX_VALUE));
      warnings.add(
          ImportWarning.Kind.STOICHIOMETRY_APPROXIMATED,
          r.getId(),
          where + ": stoichiometry " + s + " is not a positive integer; taken as " + used);
      return used;
    }
    return (int) Math.min(rounded, Integer.MAX_VALUE);
  }

  private void requireKnown(Reaction r, String id, Set<String> known) {
    if (!known.contains(id)) {
      throw new SbmlImportException(
          source,
          "reaction " + r.getId() + " refers to species '" + id + "', which is not declared");
    }
  }
}
