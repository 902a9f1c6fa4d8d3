package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import rhoscope.engine.ChannelKind;
import rhoscope.engine.ChannelView;
import rhoscope.engine.ReceiveView;
import rhoscope.engine.SendView;
import rhoscope.engine.StateView;
import rhoscope.engine.ThreadView;
import rhoscope.engine.Trace;
import rhoscope.lang.ast.process.Proc;

/**
 * What a person needs to read answers about an imported model in its own terms: its species with
 * their SBML names, and what each reaction direction (or logical transition) does to them. It reads
 * a witness back from the encoded states (which reaction fired, what changed, what is present) and
 * resolves species named in a type by their SBML name (see {@link SpeciesNames}).
 *
 * <p>A step is read from the states before and after it, not from the encoded join: the join is
 * one of the many a reaction compiles to, while what changed is what a biologist asks about. The
 * join still narrows which reaction it was when several would explain the same change.
 *
 * @param model the model's name (its id when it has none), for messages
 * @param species every species, in document order
 * @param events every way the model can change, in document order
 */
public record Pathway(String model, List<Species> species, List<Event> events) {
  public Pathway {
    Objects.requireNonNull(model, "model");
    species = List.copyOf(species);
    events = List.copyOf(events);
  }

  /** A species: its SBML id and its SBML name ({@code ""} when it has none). */
  public record Species(String id, String name) {
    public Species {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }

    /** {@code ERK-PP (Mpp)}, or the id alone when the name adds nothing. */
    public String describe() {
      return name.isEmpty() || name.equals(id) ? id : name + " (" + id + ")";
    }
  }

  /**
   * One way the model changes: a reaction in one direction, or one logical transition updating one
   * species. {@code reads}: the species whose channels its encoded joins read.
   */
  public sealed interface Event {
    /** The SBML reaction or transition id. */
    String id();

    /** Its SBML name, {@code ""} when it has none. */
    String name();

    /** Whether this is the reverse direction of a reversible reaction. */
    boolean reverse();

    Set<String> reads();

    /** Whether this event takes the model from {@code before} to {@code after} in one firing. */
    boolean explains(Map<String, Integer> before, Map<String, Integer> after);

    /**
     * A reaction under boolean semantics: {@code required} present before (reactants and required
     * modifiers); what changed is some {@code consumed} species becoming absent and some {@code
     * produced} becoming present, at least one of them.
     */
    record BooleanReaction(
        String id,
        String name,
        boolean reverse,
        Set<String> required,
        Set<String> consumed,
        Set<String> produced,
        Set<String> reads)
        implements Event {
      public BooleanReaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        required = Set.copyOf(required);
        consumed = Set.copyOf(consumed);
        produced = Set.copyOf(produced);
        reads = Set.copyOf(reads);
      }

      @Override
      public boolean explains(Map<String, Integer> before, Map<String, Integer> after) {
        if (!required.stream().allMatch(s -> before.getOrDefault(s, 0) > 0)) {
          return false;
        }
        boolean changed = false;
        for (Map.Entry<String, Integer> e : before.entrySet()) {
          int was = e.getValue();
          int is = after.getOrDefault(e.getKey(), 0);
          if (was == is) {
            continue;
          }
          changed = true;
          boolean allowed =
              was > 0 && is == 0 ? consumed.contains(e.getKey()) : produced.contains(e.getKey());
          if (!allowed) {
            return false;
          }
        }
        return changed;
      }
    }

    /**
     * A reaction under counts semantics: at least {@code required} molecules of each species
     * before, and every species changed by exactly {@code delta} (the others not at all).
     */
    record CountsReaction(
        String id,
        String name,
        boolean reverse,
        Map<String, Integer> required,
        Map<String, Integer> delta,
        Set<String> reads)
        implements Event {
      public CountsReaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        required = Map.copyOf(required);
        delta = Map.copyOf(delta);
        reads = Set.copyOf(reads);
      }

      @Override
      public boolean explains(Map<String, Integer> before, Map<String, Integer> after) {
        for (Map.Entry<String, Integer> e : required.entrySet()) {
          if (before.getOrDefault(e.getKey(), 0) < e.getValue()) {
            return false;
          }
        }
        boolean changed = false;
        for (Map.Entry<String, Integer> e : before.entrySet()) {
          int d = after.getOrDefault(e.getKey(), 0) - e.getValue();
          if (d != delta.getOrDefault(e.getKey(), 0)) {
            return false;
          }
          changed |= d != 0;
        }
        return changed;
      }
    }

    /** A logical transition moving {@code output} one level, nothing else changing. */
    record QualUpdate(String id, String name, String output, Set<String> reads) implements Event {
      public QualUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(output, "output");
        reads = Set.copyOf(reads);
      }

      @Override
      public boolean reverse() {
        return false;
      }

      @Override
      public boolean explains(Map<String, Integer> before, Map<String, Integer> after) {
        for (Map.Entry<String, Integer> e : before.entrySet()) {
          int d = after.getOrDefault(e.getKey(), 0) - e.getValue();
          if (e.getKey().equals(output) ? Math.abs(d) != 1 : d != 0) {
            return false;
          }
        }
        return true;
      }
    }
  }

  /** A species whose amount (presence 0/1, count or level) went from {@code before} to {@code after}. */
  public record Change(String species, int before, int after) {
    public Change {
      Objects.requireNonNull(species, "species");
    }
  }

  /**
   * One witness step read in the model's terms.
   *
   * @param fired the event that fired, empty when none explains the step (a trace of another model)
   * @param alternatives other events that would have made exactly the same change with the same
   *     join, in document order; usually empty
   * @param changes the species that changed, in document order
   */
  public record Reading(Optional<Event> fired, List<Event> alternatives, List<Change> changes) {
    public Reading {
      Objects.requireNonNull(fired, "fired");
      alternatives = List.copyOf(alternatives);
      changes = List.copyOf(changes);
    }
  }

  /** The species with this id, when the model has it. */
  public Optional<Species> species(String id) {
    return species.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * The amount of every species in {@code state}, in document order: 0 absent, otherwise the value
   * its message carries (1 for boolean presence, the count, the level).
   */
  public Map<String, Integer> amounts(StateView state) {
    Map<String, Integer> out = new LinkedHashMap<>();
    species.forEach(s -> out.put(s.id(), 0));
    for (ThreadView t : state.threads()) {
      if (t instanceof SendView send
          && send.channel().kind() == ChannelKind.STRING
          && out.containsKey(send.channel().label())) {
        out.put(send.channel().label(), amount(send.payload()));
      }
    }
    return out;
  }

  /** The species present in {@code state} with their amounts, in document order. */
  public Map<String, Integer> present(StateView state) {
    Map<String, Integer> out = new LinkedHashMap<>();
    amounts(state).forEach((id, n) -> {
      if (n > 0) {
        out.put(id, n);
      }
    });
    return out;
  }

  /**
   * Reads each step of {@code trace}, whose replay on this model's program is {@code states} (the
   * initial state, then the state after each step).
   */
  public List<Reading> read(Trace trace, List<StateView> states) {
    if (states.size() != trace.steps().size() + 1) {
      throw new IllegalArgumentException(
          "a trace of " + trace.steps().size() + " steps passes " + (trace.steps().size() + 1)
              + " states, given " + states.size());
    }
    List<Reading> out = new ArrayList<>(trace.steps().size());
    for (int i = 0; i < trace.steps().size(); i++) {
      out.add(read(trace.steps().get(i).comm(), states.get(i), states.get(i + 1)));
    }
    return out;
  }

  private Reading read(Trace.Comm comm, StateView before, StateView after) {
    Map<String, Integer> was = amounts(before);
    Map<String, Integer> is = amounts(after);
    List<Change> changes = new ArrayList<>();
    was.forEach((id, n) -> {
      int m = is.getOrDefault(id, 0);
      if (m != n) {
        changes.add(new Change(id, n, m));
      }
    });
    List<Event> explaining = events.stream().filter(e -> e.explains(was, is)).toList();
    // finding the join prints the state's receives, so only when the change alone is ambiguous
    List<Event> candidates =
        explaining.size() < 2
            ? explaining
            : joinReads(comm, before)
                .map(r -> explaining.stream().filter(e -> e.reads().equals(r)).toList())
                .filter(l -> !l.isEmpty())
                .orElse(explaining);
    return candidates.isEmpty()
        ? new Reading(Optional.empty(), List.of(), changes)
        : new Reading(
            Optional.of(candidates.get(0)), candidates.subList(1, candidates.size()), changes);
  }

  /** The species the receiving join of {@code comm} reads, found among the threads of {@code state}. */
  private Optional<Set<String>> joinReads(Trace.Comm comm, StateView state) {
    for (ThreadView t : state.threads()) {
      if (t instanceof ReceiveView r && r.print().equals(comm.receiver())) {
        Set<String> reads = new LinkedHashSet<>();
        for (ChannelView c : r.channels()) {
          speciesOf(c).ifPresent(reads::add);
        }
        return Optional.of(reads);
      }
    }
    return Optional.empty();
  }

  /** The species a channel belongs to: {@code @"S"} or its absence token {@code @("absent", "S")}. */
  private static Optional<String> speciesOf(ChannelView c) {
    return switch (c.kind()) {
      case STRING -> Optional.of(c.label());
      case QUOTE ->
          c.quoted()
              .filter(p -> p instanceof Proc.TupleLit t
                  && t.elements().size() == 2
                  && t.elements().get(0).equals(new Proc.StringLit("absent"))
                  && t.elements().get(1) instanceof Proc.StringLit)
              .map(p -> ((Proc.StringLit) ((Proc.TupleLit) p).elements().get(1)).value());
      case URI, PRIVATE -> Optional.empty();
    };
  }

  private static int amount(List<Proc> payload) {
    // a count or a level is an integer; a boolean presence is true
    return payload.size() == 1 && payload.get(0) instanceof Proc.IntLit n
        ? (int) Math.max(0, Math.min(Integer.MAX_VALUE, n.value()))
        : 1;
  }
}
