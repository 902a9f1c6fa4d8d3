package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sbml.jsbml.AbstractNamedSBase;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.ext.qual.QualModelPlugin;
import org.sbml.jsbml.ext.qual.Transition;

/**
 * Builds the {@link Pathway} of an import from the networks the encoders translated, so that it
 * describes exactly the process they wrote: the same species groups as {@link BooleanEncoder}, the
 * same required counts and changes as {@link CountsEncoder}, the same reads as {@link QualEncoder}.
 */
final class Pathways {
  private Pathways() {}

  static Pathway core(String label, Model model, ReactionNetwork network, Semantics semantics) {
    List<Pathway.Species> species =
        model.getListOfSpecies().stream()
            .map(s -> new Pathway.Species(s.getId(), name(s)))
            .toList();
    Set<String> fixed =
        network.species().stream()
            .filter(ReactionNetwork.Species::fixed)
            .map(ReactionNetwork.Species::id)
            .collect(Collectors.toSet());
    List<Pathway.Event> events = new ArrayList<>();
    // CoreExtractor lists each SBML reaction's forward direction, then its reverse when reversible
    int next = 0;
    for (Reaction r : model.getListOfReactions()) {
      events.add(event(r, direction(network, next++, r.getId()), false, fixed, semantics));
      if (r.getReversible()) {
        events.add(
            event(r, direction(network, next++, r.getId() + "_reverse"), true, fixed, semantics));
      }
    }
    return new Pathway(label, species, events);
  }

  static Pathway qual(String label, QualModelPlugin qual, QualNetwork network) {
    List<Pathway.Species> species =
        qual.getListOfQualitativeSpecies().stream()
            .map(s -> new Pathway.Species(s.getId(), name(s)))
            .toList();
    Map<String, String> transitionNames = new HashMap<>();
    for (Transition t : qual.getListOfTransitions()) {
      transitionNames.put(t.getId(), name(t));
    }
    Map<String, Boolean> constant = new HashMap<>();
    network.species().forEach(s -> constant.put(s.id(), s.constant()));
    List<Pathway.Event> events =
        network.updates().stream()
            .filter(u -> !constant.get(u.output()))
            .<Pathway.Event>map(
                u ->
                    new Pathway.Event.QualUpdate(
                        u.transition(),
                        transitionNames.getOrDefault(u.transition(), ""),
                        u.output(),
                        new LinkedHashSet<>(u.reads())))
            .toList();
    return new Pathway(label, species, events);
  }

  private static ReactionNetwork.Reaction direction(ReactionNetwork network, int index, String id) {
    ReactionNetwork.Reaction r = network.reactions().get(index);
    if (!r.id().equals(id)) {
      throw new IllegalStateException(
          "reaction direction " + index + " is " + r.id() + ", expected " + id);
    }
    return r;
  }

  private static Pathway.Event event(
      Reaction sbml,
      ReactionNetwork.Reaction r,
      boolean reverse,
      Set<String> fixed,
      Semantics semantics) {
    String name = name(sbml);
    return switch (semantics) {
      case Semantics.Boolean b -> {
        BooleanEncoder.Groups g = BooleanEncoder.groups(r, fixed);
        Set<String> required = new LinkedHashSet<>(g.consumed());
        required.addAll(g.readOnly());
        Set<String> reads = new LinkedHashSet<>(required);
        reads.addAll(g.produced());
        yield new Pathway.Event.BooleanReaction(
            sbml.getId(),
            name,
            reverse,
            required,
            new LinkedHashSet<>(g.consumed()),
            new LinkedHashSet<>(g.produced()),
            reads);
      }
      case Semantics.Counts c -> counts(sbml.getId(), name, reverse, r, fixed);
      case Semantics.Qual q ->
          throw new IllegalArgumentException("a reaction network is not read under qual semantics");
    };
  }

  private static Pathway.Event counts(
      String id, String name, boolean reverse, ReactionNetwork.Reaction r, Set<String> fixed) {
    Map<String, Integer> required = new LinkedHashMap<>();
    Map<String, Integer> delta = new LinkedHashMap<>();
    for (ReactionNetwork.Term t : r.reactants()) {
      required.merge(t.species(), t.stoichiometry(), Integer::sum);
      delta.merge(t.species(), -t.stoichiometry(), Integer::sum);
    }
    for (String m : r.modifiers()) {
      required.merge(m, 1, Math::max);
    }
    for (ReactionNetwork.Term t : r.products()) {
      delta.merge(t.species(), t.stoichiometry(), Integer::sum);
    }
    fixed.forEach(delta::remove);
    delta.values().removeIf(d -> d == 0);
    Set<String> reads = new LinkedHashSet<>(required.keySet());
    reads.addAll(delta.keySet());
    return new Pathway.Event.CountsReaction(id, name, reverse, required, delta, reads);
  }

  private static String name(AbstractNamedSBase element) {
    return element.isSetName() ? element.getName().strip() : "";
  }
}
