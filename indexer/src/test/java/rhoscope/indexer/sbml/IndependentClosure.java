package rhoscope.indexer.sbml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.ModifierSpeciesReference;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.SBO;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * A test oracle for the boolean semantics of an SBML core model, computed from the JSBML model
 * directly and sharing no code with the importer: which species can ever be present (the least
 * fixpoint of firing enabled reactions from the initial present set, DESIGN.md "Pathway models").
 * Only the reading of the file is shared.
 *
 * <p>Where the importer evaluates rate laws numerically at sample points, this oracle reads them
 * symbolically: the law (functions and assignment rules inlined) is expanded into signed terms, and
 * a modifier is required in a direction iff every term of that sign has the modifier as a factor (a
 * product with it, a quotient whose numerator has it, a positive power of it). Two methods agreeing
 * on every corpus model is the evidence that either is right.
 */
final class IndependentClosure {
  /** One direction of a reaction with the species it needs present and those it makes present. */
  record Step(String id, Set<String> needs, Set<String> makes) {}

  private final Model model;
  private final Map<String, ASTNode> rules = new HashMap<>();
  private final Set<String> fixed = new HashSet<>();
  private final Map<String, Double> initial = new LinkedHashMap<>();
  private final List<Step> steps = new ArrayList<>();

  private IndependentClosure(Model model) {
    this.model = model;
    for (var r : model.getListOfRules()) {
      if (r instanceof AssignmentRule a) {
        rules.put(a.getVariable(), a.getMath());
      }
    }
    for (Species s : model.getListOfSpecies()) {
      if (s.getBoundaryCondition() || s.getConstant() || rules.containsKey(s.getId())) {
        fixed.add(s.getId());
      }
      initial.put(s.getId(), valueAtZero(s.getId(), new HashSet<>()));
    }
    for (Reaction r : model.getListOfReactions()) {
      steps.add(step(r, true));
      if (r.getReversible()) {
        steps.add(step(r, false));
      }
    }
  }

  /**
   * Reads the file as the importer does, without annotations: JSBML itself rejects some corpus
   * files' annotations, and annotations say nothing about the semantics.
   */
  static IndependentClosure read(Path file) throws IOException {
    return new IndependentClosure(
        SbmlReading.read(file.toString(), Files.readAllBytes(file)).model());
  }

  List<Step> steps() {
    return steps;
  }

  Set<String> species() {
    return initial.keySet();
  }

  Set<String> initiallyPresent(Map<String, Integer> overrides) {
    Set<String> out = new LinkedHashSet<>();
    initial.forEach(
        (id, v) -> {
          if (overrides.containsKey(id) ? overrides.get(id) > 0 : v > 0) {
            out.add(id);
          }
        });
    return out;
  }

  /** The species that can ever be present, starting from the model's values and the overrides. */
  Set<String> closure(Map<String, Integer> overrides) {
    Set<String> present = initiallyPresent(overrides);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Step s : steps) {
        if (present.containsAll(s.needs())) {
          for (String p : s.makes()) {
            if (!fixed.contains(p)) {
              grew |= present.add(p);
            }
          }
        }
      }
    }
    return present;
  }

  private Step step(Reaction r, boolean forward) {
    List<SpeciesReference> in = forward ? r.getListOfReactants() : r.getListOfProducts();
    List<SpeciesReference> out = forward ? r.getListOfProducts() : r.getListOfReactants();
    Set<String> needs = new LinkedHashSet<>();
    Set<String> participants = new HashSet<>();
    in.forEach(ref -> needs.add(ref.getSpecies()));
    r.getListOfReactants().forEach(ref -> participants.add(ref.getSpecies()));
    r.getListOfProducts().forEach(ref -> participants.add(ref.getSpecies()));
    Set<String> makes = new LinkedHashSet<>();
    out.forEach(ref -> makes.add(ref.getSpecies()));
    List<Term> terms = null;
    for (ModifierSpeciesReference m : r.getListOfModifiers()) {
      String id = m.getSpecies();
      if (participants.contains(id)) {
        continue;
      }
      Boolean bySbo = m.isSetSBOTerm() ? sboRequires(m.getSBOTerm()) : null;
      if (bySbo != null) {
        if (bySbo) {
          needs.add(id);
        }
        continue;
      }
      if (!r.isSetKineticLaw() || !r.getKineticLaw().isSetMath()) {
        needs.add(id);
        continue;
      }
      if (terms == null) {
        terms = terms(inline(r.getKineticLaw().getMath(), r, Map.of(), new HashSet<>()));
      }
      boolean anyTerm = false;
      boolean allVanish = true;
      for (Term t : terms) {
        if (t.positive() == forward) {
          anyTerm = true;
          allVanish &= vanishes(t.node(), id, r);
        }
      }
      if (!anyTerm || allVanish) {
        needs.add(id);
      }
    }
    return new Step(r.getId() + (forward ? "" : "_reverse"), needs, makes);
  }

  private static Boolean sboRequires(int term) {
    if (under(term, 20) || under(term, 462)) { // inhibitor, non-essential activator
      return false;
    }
    if (under(term, 459)
        || under(term, 13)
        || under(term, 461)) { // stimulator, catalyst, essential
      return true;
    }
    return null;
  }

  private static boolean under(int term, int ancestor) {
    try {
      return term == ancestor || SBO.isChildOf(term, ancestor);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A law term and its sign. */
  private record Term(boolean positive, ASTNode node) {}

  /** Expands sums and differences through products and quotients into signed terms. */
  private static List<Term> terms(ASTNode n) {
    List<ASTNode> c = n.getChildren();
    switch (n.getType()) {
      case PLUS -> {
        List<Term> out = new ArrayList<>();
        c.forEach(x -> out.addAll(terms(x)));
        return out;
      }
      case MINUS -> {
        List<Term> out = new ArrayList<>();
        if (c.size() == 1) {
          terms(c.get(0)).forEach(t -> out.add(new Term(!t.positive(), t.node())));
        } else {
          out.addAll(terms(c.get(0)));
          terms(c.get(1)).forEach(t -> out.add(new Term(!t.positive(), t.node())));
        }
        return out;
      }
      case TIMES -> {
        List<Term> out = List.of(new Term(true, new ASTNode(1)));
        for (ASTNode factor : c) {
          List<Term> next = new ArrayList<>();
          for (Term a : out) {
            for (Term b : terms(factor)) {
              next.add(
                  new Term(
                      a.positive() == b.positive(),
                      ASTNode.times(a.node().clone(), b.node().clone())));
            }
          }
          out = next;
        }
        return out;
      }
      case DIVIDE -> {
        List<Term> out = new ArrayList<>();
        for (Term t : terms(c.get(0))) {
          out.add(new Term(t.positive(), ASTNode.frac(t.node().clone(), c.get(1).clone())));
        }
        return out;
      }
      default -> {
        return List.of(new Term(true, n));
      }
    }
  }

  /** Whether the expression is zero whenever species {@code id} is zero, read off its shape. */
  private boolean vanishes(ASTNode n, String id, Reaction r) {
    List<ASTNode> c = n.getChildren();
    return switch (n.getType()) {
      case NAME -> n.getName().equals(id) || isZeroParameter(n.getName(), r);
      case INTEGER -> n.getInteger() == 0;
      case REAL, REAL_E -> n.getReal() == 0;
      case TIMES -> c.stream().anyMatch(x -> vanishes(x, id, r));
      case DIVIDE -> vanishes(c.get(0), id, r) && !vanishes(c.get(1), id, r);
      case POWER, FUNCTION_POWER -> vanishes(c.get(0), id, r) && positiveConstant(c.get(1));
      case PLUS, MINUS -> c.stream().allMatch(x -> vanishes(x, id, r));
      case FUNCTION_PIECEWISE -> {
        boolean all = true;
        for (int i = 0; i < c.size(); i += 2) {
          all &= vanishes(c.get(i), id, r);
        }
        yield all;
      }
      default -> false;
    };
  }

  /** A parameter or compartment that is 0 makes its term vanish whatever the species do. */
  private boolean isZeroParameter(String name, Reaction r) {
    LocalParameter local = r.getKineticLaw().getLocalParameter(name);
    if (local != null) {
      return local.getValue() == 0;
    }
    if (model.getSpecies(name) != null) {
      return false;
    }
    try {
      return valueAtZero(name, new HashSet<>()) == 0;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private boolean positiveConstant(ASTNode n) {
    try {
      return evaluate(n, new HashSet<>()) > 0;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** The law with function calls and assignment-rule variables replaced by their formulas. */
  private ASTNode inline(ASTNode n, Reaction r, Map<String, ASTNode> args, Set<String> expanding) {
    if (n.getType() == ASTNode.Type.NAME) {
      String name = n.getName();
      if (args.containsKey(name)) {
        return args.get(name).clone();
      }
      if (r.getKineticLaw().getLocalParameter(name) != null) {
        return n.clone();
      }
      // a species stays a name: whether the law vanishes is asked of species names
      boolean species = model.getSpecies(name) != null;
      if (!species && rules.containsKey(name) && expanding.add(name)) {
        ASTNode body = inline(rules.get(name), r, Map.of(), expanding);
        expanding.remove(name);
        return body;
      }
      return n.clone();
    }
    if (n.getType() == ASTNode.Type.FUNCTION) {
      FunctionDefinition f = model.getFunctionDefinition(n.getName());
      Map<String, ASTNode> bound = new HashMap<>();
      for (int i = 0; i < n.getChildCount(); i++) {
        bound.put(f.getArgument(i).getName(), inline(n.getChild(i), r, args, expanding));
      }
      return inline(f.getBody(), r, bound, expanding);
    }
    ASTNode copy = n.clone();
    for (int i = 0; i < copy.getChildCount(); i++) {
      copy.replaceChild(i, inline(n.getChild(i), r, args, expanding));
    }
    return copy;
  }

  private double valueAtZero(String id, Set<String> expanding) {
    if (!expanding.add(id)) {
      throw new IllegalStateException("cycle through " + id);
    }
    ASTNode rule = rules.get(id);
    if (rule != null) {
      return evaluate(rule, expanding);
    }
    InitialAssignment ia = model.getInitialAssignment(id);
    if (ia != null) {
      return evaluate(ia.getMath(), expanding);
    }
    Species s = model.getSpecies(id);
    if (s != null) {
      return s.isSetInitialAmount()
          ? s.getInitialAmount()
          : s.isSetInitialConcentration() ? s.getInitialConcentration() : 0;
    }
    Parameter p = model.getParameter(id);
    if (p != null && p.isSetValue()) {
      return p.getValue();
    }
    Compartment comp = model.getCompartment(id);
    if (comp != null) {
      return comp.isSetSize() ? comp.getSize() : 1;
    }
    throw new IllegalStateException(id + " has no value");
  }

  private double evaluate(ASTNode n, Set<String> expanding) {
    return evaluate(n, Map.of(), expanding);
  }

  private double evaluate(ASTNode n, Map<String, Double> args, Set<String> expanding) {
    List<ASTNode> c = n.getChildren();
    List<Double> v = new ArrayList<>();
    if (n.getType() != ASTNode.Type.FUNCTION_PIECEWISE) {
      for (ASTNode x : c) {
        v.add(evaluate(x, args, expanding));
      }
    }
    return switch (n.getType()) {
      case INTEGER -> n.getInteger();
      case REAL, REAL_E, RATIONAL -> n.getReal();
      case NAME ->
          args.containsKey(n.getName())
              ? args.get(n.getName())
              : valueAtZero(n.getName(), new HashSet<>(expanding));
      case NAME_TIME -> 0;
      case CONSTANT_TRUE -> 1;
      case CONSTANT_FALSE -> 0;
      case PLUS -> v.stream().mapToDouble(Double::doubleValue).sum();
      case TIMES -> v.stream().reduce(1.0, (a, b) -> a * b);
      case MINUS -> v.size() == 1 ? -v.get(0) : v.get(0) - v.get(1);
      case DIVIDE -> v.get(0) / v.get(1);
      case POWER, FUNCTION_POWER -> Math.pow(v.get(0), v.get(1));
      case FUNCTION_ROOT -> v.size() == 1 ? Math.sqrt(v.get(0)) : Math.pow(v.get(1), 1 / v.get(0));
      case FUNCTION_EXP -> Math.exp(v.get(0));
      case FUNCTION_LN -> Math.log(v.get(0));
      case FUNCTION_ABS -> Math.abs(v.get(0));
      case FUNCTION_FLOOR -> Math.floor(v.get(0));
      case FUNCTION_CEILING -> Math.ceil(v.get(0));
      case FUNCTION_LOG ->
          v.size() == 1 ? Math.log10(v.get(0)) : Math.log(v.get(1)) / Math.log(v.get(0));
      case RELATIONAL_GT -> v.get(0) > v.get(1) ? 1 : 0;
      case RELATIONAL_LT -> v.get(0) < v.get(1) ? 1 : 0;
      case RELATIONAL_GEQ -> v.get(0) >= v.get(1) ? 1 : 0;
      case RELATIONAL_LEQ -> v.get(0) <= v.get(1) ? 1 : 0;
      case FUNCTION_PIECEWISE -> {
        for (int i = 0; i + 1 < c.size(); i += 2) {
          if (evaluate(c.get(i + 1), args, expanding) != 0) {
            yield evaluate(c.get(i), args, expanding);
          }
        }
        if (c.size() % 2 == 1) {
          yield evaluate(c.get(c.size() - 1), args, expanding);
        }
        throw new IllegalStateException("no piece holds");
      }
      case FUNCTION -> {
        FunctionDefinition f = model.getFunctionDefinition(n.getName());
        Map<String, Double> bound = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
          bound.put(f.getArgument(i).getName(), v.get(i));
        }
        yield evaluate(f.getBody(), bound, expanding);
      }
      default -> throw new IllegalStateException("oracle does not evaluate " + n.getType());
    };
  }
}
