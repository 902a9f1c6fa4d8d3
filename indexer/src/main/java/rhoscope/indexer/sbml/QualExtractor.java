package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.ext.qual.FunctionTerm;
import org.sbml.jsbml.ext.qual.Input;
import org.sbml.jsbml.ext.qual.InputTransitionEffect;
import org.sbml.jsbml.ext.qual.Output;
import org.sbml.jsbml.ext.qual.OutputTransitionEffect;
import org.sbml.jsbml.ext.qual.QualModelPlugin;
import org.sbml.jsbml.ext.qual.QualitativeSpecies;
import org.sbml.jsbml.ext.qual.Transition;

/** Reads the logical regulatory graph out of an SBML-qual model. */
final class QualExtractor {
  private final String source;
  private final QualModelPlugin qual;
  private final Warnings warnings;

  private QualExtractor(String source, QualModelPlugin qual, Warnings warnings) {
    this.source = source;
    this.qual = qual;
    this.warnings = warnings;
  }

  static QualNetwork extract(String source, QualModelPlugin qual, Warnings warnings) {
    return new QualExtractor(source, qual, warnings).extract();
  }

  private QualNetwork extract() {
    Map<String, Integer> maxLevels = maxLevels();
    List<QualNetwork.Species> species = new ArrayList<>();
    for (QualitativeSpecies s : qual.getListOfQualitativeSpecies()) {
      int initial = 0;
      if (s.isSetInitialLevel()) {
        initial = s.getInitialLevel();
      } else {
        warnings.add(
            ImportWarning.Kind.NO_INITIAL_VALUE,
            s.getId(),
            "qualitative species " + s.getId() + " has no initial level; it starts at 0");
      }
      species.add(
          new QualNetwork.Species(
              s.getId(), maxLevels.get(s.getId()), initial, s.isSetConstant() && s.getConstant()));
    }
    List<QualNetwork.Update> updates = new ArrayList<>();
    Map<String, Integer> transitionsPerOutput = new HashMap<>();
    for (Transition t : qual.getListOfTransitions()) {
      reportPetriNetEffects(t);
      for (Output o : t.getListOfOutputs()) {
        String out = o.getQualitativeSpecies();
        requireSpecies(t, out, maxLevels);
        if (transitionsPerOutput.merge(out, 1, Integer::sum) == 2) {
          warnings.add(
              ImportWarning.Kind.SEVERAL_TRANSITIONS,
              out,
              "species "
                  + out
                  + " is the output of several transitions; each updates it"
                  + " on its own");
        }
        updates.add(update(t, out, maxLevels));
      }
    }
    return new QualNetwork(species, updates);
  }

  /**
   * Logical models use inputs that only read ({@code none}) and outputs that take the result level
   * ({@code assignmentLevel}); the Petri-net effects (an input consumed, an output incremented) are
   * read as those, and said so.
   */
  private void reportPetriNetEffects(Transition t) {
    boolean consumes =
        t.getListOfInputs().stream()
            .anyMatch(
                in ->
                    in.isSetTransitionEffect()
                        && in.getTransitionEffect() == InputTransitionEffect.consumption);
    boolean produces =
        t.getListOfOutputs().stream()
            .anyMatch(
                o ->
                    o.isSetTransitionEffect()
                        && o.getTransitionEffect() == OutputTransitionEffect.production);
    if (consumes || produces) {
      warnings.add(
          ImportWarning.Kind.TRANSITION_EFFECT_APPROXIMATED,
          t.getId(),
          "transition "
              + t.getId()
              + " uses Petri-net effects (consumption/production); read as"
              + " inputs that are not consumed and outputs that take the result level");
    }
  }

  /**
   * The declared maximum level, or else the highest level the model mentions for the species (at
   * least 1: an undeclared species is Boolean).
   */
  private Map<String, Integer> maxLevels() {
    Map<String, Integer> max = new HashMap<>();
    for (QualitativeSpecies s : qual.getListOfQualitativeSpecies()) {
      max.put(s.getId(), Math.max(1, s.isSetInitialLevel() ? s.getInitialLevel() : 0));
    }
    for (Transition t : qual.getListOfTransitions()) {
      for (Input in : t.getListOfInputs()) {
        if (in.isSetThresholdLevel()) {
          max.computeIfPresent(
              in.getQualitativeSpecies(), (k, v) -> Math.max(v, in.getThresholdLevel()));
        }
      }
      for (Output o : t.getListOfOutputs()) {
        for (FunctionTerm f : t.getListOfFunctionTerms()) {
          if (f.isSetResultLevel()) {
            max.computeIfPresent(
                o.getQualitativeSpecies(), (k, v) -> Math.max(v, f.getResultLevel()));
          }
        }
      }
    }
    for (QualitativeSpecies s : qual.getListOfQualitativeSpecies()) {
      if (s.isSetMaxLevel()) {
        max.put(s.getId(), s.getMaxLevel());
      }
    }
    return max;
  }

  private QualNetwork.Update update(Transition t, String output, Map<String, Integer> maxLevels) {
    Map<String, Integer> thresholds = new HashMap<>();
    Map<String, String> inputSpecies = new HashMap<>();
    for (Input in : t.getListOfInputs()) {
      requireSpecies(t, in.getQualitativeSpecies(), maxLevels);
      if (in.isSetId()) {
        inputSpecies.put(in.getId(), in.getQualitativeSpecies());
        if (in.isSetThresholdLevel()) {
          thresholds.put(in.getId(), in.getThresholdLevel());
        }
      }
    }
    Set<String> reads = new LinkedHashSet<>();
    reads.add(output);
    List<QualNetwork.Term> terms = new ArrayList<>();
    Integer defaultLevel = null;
    for (FunctionTerm f : t.getListOfFunctionTerms()) {
      if (f.isDefaultTerm()) {
        defaultLevel = f.getResultLevel();
      } else if (f.isSetMath()) {
        terms.add(
            new QualNetwork.Term(
                f.getResultLevel(),
                expr(t, f.getMath(), thresholds, inputSpecies, maxLevels, reads)));
      }
    }
    if (defaultLevel == null) {
      throw new SbmlImportException(source, "transition " + t.getId() + " has no default term");
    }
    return new QualNetwork.Update(t.getId(), output, List.copyOf(reads), terms, defaultLevel);
  }

  private QualNetwork.Expr expr(
      Transition t,
      ASTNode node,
      Map<String, Integer> thresholds,
      Map<String, String> inputSpecies,
      Map<String, Integer> maxLevels,
      Set<String> reads) {
    List<QualNetwork.Expr> args = new ArrayList<>();
    for (ASTNode child : node.getChildren()) {
      args.add(expr(t, child, thresholds, inputSpecies, maxLevels, reads));
    }
    return switch (node.getType()) {
      case INTEGER -> new QualNetwork.Expr.Num(node.getInteger());
      case REAL, REAL_E -> {
        double v = node.getReal();
        if (v != Math.rint(v)) {
          throw unsupported(t, "the non-integer number " + v);
        }
        yield new QualNetwork.Expr.Num((long) v);
      }
      case CONSTANT_TRUE -> new QualNetwork.Expr.Num(1);
      case CONSTANT_FALSE -> new QualNetwork.Expr.Num(0);
      case NAME -> name(t, node.getName(), thresholds, inputSpecies, maxLevels, reads);
      case RELATIONAL_EQ -> compare(t, QualNetwork.Expr.Rel.EQ, args);
      case RELATIONAL_NEQ -> compare(t, QualNetwork.Expr.Rel.NEQ, args);
      case RELATIONAL_LT -> compare(t, QualNetwork.Expr.Rel.LT, args);
      case RELATIONAL_LEQ -> compare(t, QualNetwork.Expr.Rel.LEQ, args);
      case RELATIONAL_GT -> compare(t, QualNetwork.Expr.Rel.GT, args);
      case RELATIONAL_GEQ -> compare(t, QualNetwork.Expr.Rel.GEQ, args);
      case LOGICAL_AND -> new QualNetwork.Expr.Logic(QualNetwork.Expr.Connective.AND, args);
      case LOGICAL_OR -> new QualNetwork.Expr.Logic(QualNetwork.Expr.Connective.OR, args);
      case LOGICAL_XOR -> new QualNetwork.Expr.Logic(QualNetwork.Expr.Connective.XOR, args);
      case LOGICAL_NOT -> {
        if (args.size() != 1) {
          throw unsupported(t, "'not' with " + args.size() + " operands");
        }
        yield new QualNetwork.Expr.Not(args.get(0));
      }
      case LOGICAL_IMPLIES -> {
        if (args.size() != 2) {
          throw unsupported(t, "'implies' with " + args.size() + " operands");
        }
        yield new QualNetwork.Expr.Logic(
            QualNetwork.Expr.Connective.OR,
            List.of(new QualNetwork.Expr.Not(args.get(0)), args.get(1)));
      }
      default -> throw unsupported(t, "the MathML construct " + node.getType());
    };
  }

  private QualNetwork.Expr name(
      Transition t,
      String name,
      Map<String, Integer> thresholds,
      Map<String, String> inputSpecies,
      Map<String, Integer> maxLevels,
      Set<String> reads) {
    if (inputSpecies.containsKey(name)) {
      // SBML-qual: an input's id stands for its threshold level
      Integer threshold = thresholds.get(name);
      if (threshold == null) {
        throw unsupported(t, "input " + name + " used in a formula without a thresholdLevel");
      }
      return new QualNetwork.Expr.Num(threshold);
    }
    if (maxLevels.containsKey(name)) {
      reads.add(name);
      return new QualNetwork.Expr.Level(name);
    }
    throw new SbmlImportException(
        source,
        "transition "
            + t.getId()
            + " refers to '"
            + name
            + "', which is neither an input"
            + " nor a qualitative species");
  }

  private QualNetwork.Expr compare(
      Transition t, QualNetwork.Expr.Rel rel, List<QualNetwork.Expr> args) {
    if (args.size() != 2) {
      throw unsupported(t, "a comparison with " + args.size() + " operands");
    }
    return new QualNetwork.Expr.Compare(rel, args.get(0), args.get(1));
  }

  private void requireSpecies(Transition t, String id, Map<String, Integer> maxLevels) {
    if (!maxLevels.containsKey(id)) {
      throw new SbmlImportException(
          source,
          "transition "
              + t.getId()
              + " refers to qualitative species '"
              + id
              + "', which is not declared");
    }
  }

  private SbmlImportException unsupported(Transition t, String what) {
    return new SbmlImportException(
        source, "transition " + t.getId() + ": unsupported feature in a function term: " + what);
  }
}
