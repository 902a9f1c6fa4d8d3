package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Constraint;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.ExplicitRule;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * Reads the reaction network out of an SBML core model, and reports every construct that the
 * discrete semantics will not honour (rules, events, variable compartments, formulas where numbers
 * were expected) as a warning.
 */
final class CoreExtractor {
  private final String source;
  private final Model model;
  private final Warnings warnings;

  private CoreExtractor(String source, Model model, Warnings warnings) {
    this.source = source;
    this.model = model;
    this.warnings = warnings;
  }

  static ReactionNetwork extract(String source, Model model, Warnings warnings) {
    return new CoreExtractor(source, model, warnings).extract();
  }

  private ReactionNetwork extract() {
    reportIgnoredDynamics();
    Map<String, Double> assigned = constantInitialAssignments();
    List<ReactionNetwork.Species> species = new ArrayList<>();
    for (Species s : model.getListOfSpecies()) {
      species.add(
          new ReactionNetwork.Species(
              s.getId(), initialAmount(s, assigned), s.getBoundaryCondition() || s.getConstant()));
    }
    Set<String> known = new HashSet<>();
    species.forEach(s -> known.add(s.id()));
    List<ReactionNetwork.Reaction> reactions = new ArrayList<>();
    int kinetic = 0;
    for (Reaction r : model.getListOfReactions()) {
      if (r.isSetKineticLaw()) {
        kinetic++;
      }
      ReactionNetwork.Reaction forward =
          new ReactionNetwork.Reaction(
              r.getId(),
              terms(r, r.getListOfReactants(), known),
              terms(r, r.getListOfProducts(), known),
              modifiers(r, known));
      reactions.add(forward);
      if (r.getReversible()) {
        reactions.add(forward.reversed());
      }
    }
    if (kinetic > 0) {
      warnings.add(
          ImportWarning.Kind.RATE_LAWS_IGNORED,
          model.getId(),
          kinetic
              + " kinetic law(s) ignored: the discrete semantics keeps which reactions can"
              + " fire, not how fast");
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
            ImportWarning.Kind.ASSIGNMENT_RULE_IGNORED,
            variable,
            "assignment rule for " + variable + " ignored; it keeps its initial value");
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

  /** Initial assignments that are a number or a parameter with a value; the others warn. */
  private Map<String, Double> constantInitialAssignments() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (InitialAssignment ia : model.getListOfInitialAssignments()) {
      String variable = ia.getVariable();
      Double value = ia.isSetMath() ? constant(ia.getMath()) : null;
      if (value != null) {
        values.put(variable, value);
      } else if (model.getSpecies(variable) != null) {
        warnings.add(
            ImportWarning.Kind.INITIAL_ASSIGNMENT_IGNORED,
            variable,
            "initial assignment of "
                + variable
                + " is a formula; the species starts from its"
                + " declared initial value");
      }
    }
    return values;
  }

  private Double constant(ASTNode math) {
    if (math.isNumber()) {
      return math.isInteger() ? (double) math.getInteger() : math.getReal();
    }
    if (math.isName()) {
      Parameter p = model.getParameter(math.getName());
      if (p != null && p.isSetValue()) {
        return p.getValue();
      }
    }
    return null;
  }

  private double initialAmount(Species s, Map<String, Double> assigned) {
    if (assigned.containsKey(s.getId())) {
      return assigned.get(s.getId());
    }
    if (s.isSetInitialAmount()) {
      return s.getInitialAmount();
    }
    if (s.isSetInitialConcentration()) {
      Compartment c = s.getCompartmentInstance();
      double size = c != null && c.isSetSize() ? c.getSize() : 1.0;
      return s.getInitialConcentration() * size;
    }
    if (!isRuleVariable(s.getId())) {
      warnings.add(
          ImportWarning.Kind.NO_INITIAL_VALUE,
          s.getId(),
          "species " + s.getId() + " has no initial value; it starts absent");
    }
    return 0.0;
  }

  /** A species computed by a rule has already been reported with the rule. */
  private boolean isRuleVariable(String id) {
    for (Rule rule : model.getListOfRules()) {
      if (rule instanceof ExplicitRule e && id.equals(e.getVariable())) {
        return true;
      }
    }
    return false;
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

  private List<String> modifiers(Reaction r, Set<String> known) {
    List<String> out = new ArrayList<>();
    for (ModifierSpeciesReference m : r.getListOfModifiers()) {
      requireKnown(r, m.getSpecies(), known);
      if (!out.contains(m.getSpecies())) {
        out.add(m.getSpecies());
      }
    }
    return out;
  }

  private void requireKnown(Reaction r, String id, Set<String> known) {
    if (!known.contains(id)) {
      throw new SbmlImportException(
          source,
          "reaction " + r.getId() + " refers to species '" + id + "', which is not declared");
    }
  }
}
