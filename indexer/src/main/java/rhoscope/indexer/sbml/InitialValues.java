package rhoscope.indexer.sbml;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * The value of every symbol of a model at time 0, as SBML defines it: an assignment rule wins, then
 * an initial assignment, then the declared value. Formulas refer to each other in any order, so
 * values are computed on demand and remembered; a cycle is refused rather than looped on.
 */
final class InitialValues {
  private final Model model;
  private final MathEvaluator evaluator;
  private final Map<String, ASTNode> rules = new HashMap<>();
  private final Map<String, ASTNode> assignments = new HashMap<>();
  private final Map<String, Double> known = new HashMap<>();
  private final Set<String> computing = new LinkedHashSet<>();

  InitialValues(Model model, MathEvaluator evaluator) {
    this.model = model;
    this.evaluator = evaluator;
    for (Rule r : model.getListOfRules()) {
      if (r instanceof AssignmentRule a && a.isSetVariable() && a.isSetMath()) {
        rules.put(a.getVariable(), a.getMath());
      }
    }
    for (InitialAssignment ia : model.getListOfInitialAssignments()) {
      if (ia.isSetVariable() && ia.isSetMath()) {
        assignments.put(ia.getVariable(), ia.getMath());
      }
    }
  }

  /** The formula an assignment rule gives {@code id} at every time, or null. */
  ASTNode rule(String id) {
    return rules.get(id);
  }

  /** Whether {@code id} gets its initial value from a formula (an initial assignment). */
  boolean assigned(String id) {
    return assignments.containsKey(id);
  }

  /**
   * @throws MathEvaluator.Unevaluable when the value depends on a formula that cannot be evaluated
   *     or on a symbol that has no value
   */
  double value(String id) {
    Double v = known.get(id);
    if (v != null) {
      return v;
    }
    if (!computing.add(id)) {
      throw new MathEvaluator.Unevaluable(
          "the initial values of " + String.join(", ", computing) + " depend on each other");
    }
    try {
      ASTNode formula = rules.containsKey(id) ? rules.get(id) : assignments.get(id);
      double value = formula != null ? evaluator.eval(formula, this::value, 0) : declared(id);
      known.put(id, value);
      return value;
    } finally {
      computing.remove(id);
    }
  }

  private double declared(String id) {
    Species s = model.getSpecies(id);
    if (s != null) {
      if (s.isSetInitialAmount()) {
        return s.getInitialAmount();
      }
      return s.isSetInitialConcentration() ? s.getInitialConcentration() : 0;
    }
    Parameter p = model.getParameter(id);
    if (p != null) {
      if (!p.isSetValue()) {
        throw new MathEvaluator.Unevaluable("parameter " + id + " has no value");
      }
      return p.getValue();
    }
    Compartment c = model.getCompartment(id);
    if (c != null) {
      // Level 2 gives a compartment without a size the size 1; Level 3 leaves it undefined
      if (c.isSetSize()) {
        return c.getSize();
      }
      if (model.getLevel() < 3) {
        return 1;
      }
      throw new MathEvaluator.Unevaluable("compartment " + id + " has no size");
    }
    SpeciesReference ref = model.findSpeciesReference(id);
    if (ref != null && ref.isSetStoichiometry()) {
      return ref.getStoichiometry();
    }
    throw new MathEvaluator.Unevaluable(id + " has no value at time 0");
  }
}
