package rhoscope.indexer.sbml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The species that can ever be present under boolean semantics. A reactant may stay present after
 * its reaction fires, so presence only needs to grow: the reachable species are the least fixpoint
 * of firing enabled reactions from the initial present set (overrides applied), computed once in
 * time linear in the network. {@code eventually contains S!(_)}, and any conjunction of presences,
 * hold exactly when every species named is in it, and {@link #witness} gives the firings that reach
 * them.
 */
public final class PresenceClosure {
  /**
   * One firing of a witness: every consumed reactant stays present, and these products become
   * present (they were absent).
   */
  public record Firing(String reaction, List<String> madePresent) {
    public Firing {
      Objects.requireNonNull(reaction, "reaction");
      madePresent = List.copyOf(madePresent);
    }
  }

  /** One reaction direction as the closure fires it. */
  private record Step(String reaction, List<String> requires, List<String> produces) {}

  private final Set<String> species;
  private final Set<String> initial;
  private final Set<String> reachable;
  private final List<Step> fired;
  private final Map<String, Integer> producer;

  private PresenceClosure(
      Set<String> species,
      Set<String> initial,
      Set<String> reachable,
      List<Step> fired,
      Map<String, Integer> producer) {
    this.species = Set.copyOf(species);
    this.initial = Set.copyOf(initial);
    this.reachable = Set.copyOf(reachable);
    this.fired = List.copyOf(fired);
    this.producer = Map.copyOf(producer);
  }

  /** Overrides as {@link BooleanEncoder} reads them: 0 absent, anything else present. */
  static PresenceClosure of(ReactionNetwork network, Map<String, Integer> overrides) {
    Set<String> fixed = new HashSet<>();
    Set<String> present = new LinkedHashSet<>();
    for (ReactionNetwork.Species s : network.species()) {
      if (s.fixed()) {
        fixed.add(s.id());
      }
      if (overrides.containsKey(s.id()) ? overrides.get(s.id()) > 0 : s.initial() > 0) {
        present.add(s.id());
      }
    }
    Set<String> initial = new LinkedHashSet<>(present);
    List<Step> steps = new ArrayList<>();
    Map<String, List<Integer>> waitingOn = new HashMap<>();
    int[] missing = new int[network.reactions().size()];
    Deque<Integer> enabled = new ArrayDeque<>();
    for (ReactionNetwork.Reaction r : network.reactions()) {
      Set<String> requires = new LinkedHashSet<>();
      r.reactants().forEach(t -> requires.add(t.species()));
      requires.addAll(r.modifiers());
      List<String> produces = new ArrayList<>();
      r.products().stream()
          .map(ReactionNetwork.Term::species)
          .filter(p -> !fixed.contains(p) && !requires.contains(p))
          .distinct()
          .forEach(produces::add);
      int index = steps.size();
      steps.add(new Step(r.id(), List.copyOf(requires), produces));
      for (String s : requires) {
        if (!present.contains(s)) {
          missing[index]++;
          waitingOn.computeIfAbsent(s, x -> new ArrayList<>()).add(index);
        }
      }
      if (missing[index] == 0) {
        enabled.add(index);
      }
    }
    List<Step> fired = new ArrayList<>();
    Map<String, Integer> producer = new HashMap<>();
    while (!enabled.isEmpty()) {
      Step step = steps.get(enabled.poll());
      List<String> made = step.produces().stream().filter(p -> !present.contains(p)).toList();
      if (made.isEmpty()) {
        continue;
      }
      fired.add(step);
      for (String p : made) {
        present.add(p);
        producer.put(p, fired.size() - 1);
        for (int waiting : waitingOn.getOrDefault(p, List.of())) {
          if (--missing[waiting] == 0) {
            enabled.add(waiting);
          }
        }
      }
    }
    Set<String> species = new HashSet<>();
    network.species().forEach(s -> species.add(s.id()));
    return new PresenceClosure(species, initial, present, fired, producer);
  }

  /** Every species of the model. */
  public Set<String> species() {
    return species;
  }

  /** The species a fired reaction direction needs present; empty for one that never fires. */
  List<String> requires(String reaction) {
    return fired.stream()
        .filter(s -> s.reaction().equals(reaction))
        .findFirst()
        .map(Step::requires)
        .orElse(List.of());
  }

  /** The species present in the initial state. */
  public Set<String> initiallyPresent() {
    return initial;
  }

  /** Every species present in some reachable state. */
  public Set<String> reachable() {
    return reachable;
  }

  /**
   * Firings, in order, from the initial state to a state where every target is present; empty when
   * some target can never be present. Only firings that a later one or a target needs are kept.
   *
   * @throws IllegalArgumentException naming targets that are not species of the model
   */
  public Optional<List<Firing>> witness(Collection<String> targets) {
    Set<String> unknown = new TreeSet<>(targets);
    unknown.removeAll(species);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("not species of the model: " + String.join(", ", unknown));
    }
    if (!reachable.containsAll(targets)) {
      return Optional.empty();
    }
    TreeSet<Integer> needed = new TreeSet<>();
    Deque<String> open = new ArrayDeque<>(targets);
    Set<String> seen = new HashSet<>();
    while (!open.isEmpty()) {
      String s = open.pop();
      if (!seen.add(s) || initial.contains(s)) {
        continue;
      }
      int step = producer.get(s);
      if (needed.add(step)) {
        open.addAll(fired.get(step).requires());
      }
    }
    Set<String> present = new HashSet<>(initial);
    List<Firing> out = new ArrayList<>();
    for (int i : needed) {
      Step step = fired.get(i);
      // never empty: fewer firings than the closure's leave at least as much absent
      List<String> made = step.produces().stream().filter(p -> !present.contains(p)).toList();
      present.addAll(made);
      out.add(new Firing(step.reaction(), made));
    }
    return Optional.of(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PresenceClosure c
        && species.equals(c.species)
        && initial.equals(c.initial)
        && fired.equals(c.fired);
  }

  @Override
  public int hashCode() {
    return Objects.hash(species, initial, fired);
  }

  @Override
  public String toString() {
    return "PresenceClosure" + new TreeSet<>(reachable);
  }
}
