package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBO;
import org.sbml.jsbml.SimpleSpeciesReference;
import org.sbml.jsbml.Species;

/**
 * Decides, for each direction of a reaction, which of its modifiers must be present for it to fire.
 * An SBO term decides first (inhibitors and non-essential activators are not needed; stimulators,
 * catalysts and essential activators are). Otherwise the kinetic law decides: the modifier is
 * required in a direction iff, with the modifier at zero, the rate never goes that way at any of a
 * few positive points of the other species (for an irreversible reaction: the rate vanishes). A law
 * that cannot be evaluated keeps the modifier required, with a warning; so does a reaction without
 * a law, silently, as models written for discrete semantics have none.
 */
final class ModifierRoles {
  private static final int INHIBITOR = SBO.getInhibitor();
  private static final int NON_ESSENTIAL_ACTIVATOR = SBO.getNonEssentialActivator();
  private static final List<Integer> REQUIRED =
      List.of(SBO.getStimulator(), SBO.getCatalyst(), SBO.getEssentialActivator());

  /** Mixed points are drawn log-uniformly from 0.01 to 100, seeded: imports are reproducible. */
  private static final int MIXED_POINTS = 3;

  private static final long SEED = 20040101L;

  /** A rate this small next to the rate with the modifier present is rounding, not a flux. */
  private static final double RELATIVE_ZERO = 1e-9;

  /** The roles of a reaction's modifiers in its forward and reverse directions. */
  record Directions(List<ModifierRole> forward, List<ModifierRole> reverse) {
    Directions {
      forward = List.copyOf(forward);
      reverse = List.copyOf(reverse);
    }
  }

  private final MathEvaluator evaluator;
  private final InitialValues initial;
  private final Warnings warnings;
  private final List<Map<String, Double>> points;

  ModifierRoles(Model model, MathEvaluator evaluator, InitialValues initial, Warnings warnings) {
    this.evaluator = evaluator;
    this.initial = initial;
    this.warnings = warnings;
    this.points = points(model, initial);
  }

  /** Species computed by an assignment rule take its value at each point, the others vary. */
  private static List<Map<String, Double>> points(Model model, InitialValues initial) {
    List<String> sampled = new ArrayList<>();
    for (Species s : model.getListOfSpecies()) {
      if (initial.rule(s.getId()) == null) {
        sampled.add(s.getId());
      }
    }
    List<Map<String, Double>> out = new ArrayList<>();
    for (double uniform : new double[] {1, 0.1, 10}) {
      Map<String, Double> p = new HashMap<>();
      sampled.forEach(id -> p.put(id, uniform));
      out.add(p);
    }
    Random random = new Random(SEED);
    for (int i = 0; i < MIXED_POINTS; i++) {
      Map<String, Double> p = new HashMap<>();
      sampled.forEach(id -> p.put(id, Math.pow(10, -2 + 4 * random.nextDouble())));
      out.add(p);
    }
    return out;
  }

  Directions decide(Reaction r) {
    Set<String> participants = new HashSet<>();
    r.getListOfReactants().forEach(ref -> participants.add(ref.getSpecies()));
    r.getListOfProducts().forEach(ref -> participants.add(ref.getSpecies()));
    List<ModifierRole> forward = new ArrayList<>();
    List<ModifierRole> reverse = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> assumed = new LinkedHashSet<>();
    String problem = null;
    for (ModifierSpeciesReference ref : r.getListOfModifiers()) {
      String m = ref.getSpecies();
      if (!seen.add(m)) {
        continue;
      }
      if (participants.contains(m)) {
        ModifierRole role =
            new ModifierRole(m, false, new ModifierRole.Basis.AlsoReactantOrProduct());
        forward.add(role);
        reverse.add(role);
        continue;
      }
      ModifierRole bySbo = bySbo(m, ref);
      if (bySbo != null) {
        forward.add(bySbo);
        reverse.add(bySbo);
        continue;
      }
      KineticLaw law = r.getKineticLaw();
      if (law == null || !law.isSetMath()) {
        // a model written for discrete semantics often has no laws: no caveat to report
        ModifierRole role =
            new ModifierRole(
                m, true, new ModifierRole.Basis.Default("the reaction has no rate law"));
        forward.add(role);
        reverse.add(role);
        continue;
      }
      try {
        Vanishing v = vanishing(law, m);
        forward.add(new ModifierRole(m, v.forward(), new ModifierRole.Basis.RateLaw()));
        reverse.add(new ModifierRole(m, v.reverse(), new ModifierRole.Basis.RateLaw()));
      } catch (MathEvaluator.Unevaluable e) {
        problem = e.getMessage();
        assumed.add(m);
        ModifierRole role = new ModifierRole(m, true, new ModifierRole.Basis.Default(problem));
        forward.add(role);
        reverse.add(role);
      }
    }
    if (!assumed.isEmpty()) {
      warnings.add(
          ImportWarning.Kind.MODIFIER_ROLE_ASSUMED,
          r.getId(),
          "reaction "
              + r.getId()
              + ": "
              + problem
              + "; modifier(s) "
              + String.join(", ", assumed)
              + " taken as required");
    }
    return new Directions(forward, reverse);
  }

  private static ModifierRole bySbo(String m, SimpleSpeciesReference ref) {
    if (!ref.isSetSBOTerm()) {
      return null;
    }
    int term = ref.getSBOTerm();
    Boolean required = null;
    if (is(term, INHIBITOR) || is(term, NON_ESSENTIAL_ACTIVATOR)) {
      required = false;
    } else if (REQUIRED.stream().anyMatch(p -> is(term, p))) {
      required = true;
    }
    if (required == null) {
      return null;
    }
    return new ModifierRole(
        m, required, new ModifierRole.Basis.SboTerm(ref.getSBOTermID(), termName(term)));
  }

  /** JSBML loads the ontology lazily into static state; imports may run on several threads. */
  private static boolean is(int term, int ancestor) {
    if (term == ancestor) {
      return true;
    }
    try {
      synchronized (SBO.class) {
        return SBO.isChildOf(term, ancestor);
      }
    } catch (RuntimeException unknownTerm) {
      // a term missing from the ontology JSBML ships says nothing about the role
      return false;
    }
  }

  private static String termName(int term) {
    try {
      synchronized (SBO.class) {
        return SBO.getTerm(term).getName();
      }
    } catch (RuntimeException unknownTerm) {
      return "(term not in the ontology)";
    }
  }

  /** Whether each direction needs the modifier: true where the rate never goes that way. */
  private record Vanishing(boolean forward, boolean reverse) {}

  private Vanishing vanishing(KineticLaw law, String m) {
    boolean forwardWithout = false;
    boolean reverseWithout = false;
    for (Map<String, Double> point : points) {
      double with = rate(law, point, null);
      Map<String, Double> zero = new HashMap<>(point);
      zero.put(m, 0.0);
      double without = rate(law, zero, m);
      if (!Double.isFinite(with) || !Double.isFinite(without)) {
        throw new MathEvaluator.Unevaluable(
            "the rate law is not a finite number at some positive point");
      }
      double tolerance = RELATIVE_ZERO * Math.abs(with);
      forwardWithout |= without > tolerance;
      reverseWithout |= without < -tolerance;
    }
    return new Vanishing(!forwardWithout, !reverseWithout);
  }

  private double rate(KineticLaw law, Map<String, Double> point, String zeroed) {
    return evaluator.eval(law.getMath(), new PointSymbols(law, point, zeroed), 0);
  }

  /** Symbols at one point: local parameters, then the point, then rules, then time-0 values. */
  private final class PointSymbols implements MathEvaluator.Symbols {
    private final KineticLaw law;
    private final Map<String, Double> point;
    private final String zeroed;
    private final Set<String> computing = new HashSet<>();

    PointSymbols(KineticLaw law, Map<String, Double> point, String zeroed) {
      this.law = law;
      this.point = point;
      this.zeroed = zeroed;
    }

    @Override
    public double value(String id) {
      LocalParameter local = law.getLocalParameter(id);
      if (local != null) {
        if (!local.isSetValue()) {
          throw new MathEvaluator.Unevaluable("local parameter " + id + " has no value");
        }
        return local.getValue();
      }
      if (id.equals(zeroed)) {
        return 0;
      }
      Double v = point.get(id);
      if (v != null) {
        return v;
      }
      ASTNode rule = initial.rule(id);
      if (rule == null) {
        return initial.value(id);
      }
      if (!computing.add(id)) {
        throw new MathEvaluator.Unevaluable("the assignment rules for " + id + " form a cycle");
      }
      try {
        return evaluator.eval(rule, this, 0);
      } finally {
        computing.remove(id);
      }
    }
  }
}
