package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import rhoscope.lang.ast.process.BinaryOp;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.UnaryOp;

/**
 * Counts semantics: a present species carries its molecule count {@code @"S"!(n)} with {@code n} in
 * {@code 1..K}; count 0 is the absence token (see {@link Rho}).
 *
 * <p>Initial amounts are scaled so that the largest becomes K, and a nonzero amount never rounds
 * down to absent (presence is the one thing the discrete model must keep). A reaction is enabled
 * when every reactant has at least its stoichiometry and no product would pass K; a reaction that
 * would push a product past the cap is disabled rather than saturated, so that every firing changes
 * the state (no self-loops) and the state space stays finite.
 *
 * <p>Guards are patterns, so a join matches only when the reaction is enabled: {@code @{n /\ ~1}}
 * is "a count other than 1", i.e. at least 2, because present counts are 1..K. A species that can
 * either vanish or stay present after the firing gets one join for each (an exact literal pattern
 * for "vanishes"), and a pure product gets one join for "was absent" and one for "was present", so
 * bodies need no conditionals, only the arithmetic {@code n + d}.
 */
final class CountsEncoder {
  private CountsEncoder() {}

  /** One way a species may take part in a firing: what the join reads and what it writes. */
  private record Option(Bind bind, Proc emit) {}

  static Proc encode(
      String source,
      ReactionNetwork network,
      int k,
      Map<String, Integer> overrides,
      Warnings warnings) {
    List<Proc> parts = new ArrayList<>();
    double max =
        network.species().stream().mapToDouble(ReactionNetwork.Species::initial).max().orElse(0);
    for (ReactionNetwork.Species s : network.species()) {
      int count;
      if (overrides.containsKey(s.id())) {
        count = overrides.get(s.id());
        if (count > k) {
          throw new SbmlImportException(
              source, "--set " + s.id() + "=" + count + " exceeds the cap K=" + k);
        }
      } else {
        count = scaled(s.initial(), max, k);
      }
      parts.add(count == 0 ? Rho.absentToken(s.id()) : message(s.id(), new Proc.IntLit(count)));
    }
    Set<String> fixed =
        network.species().stream()
            .filter(ReactionNetwork.Species::fixed)
            .map(ReactionNetwork.Species::id)
            .collect(Collectors.toSet());
    for (ReactionNetwork.Reaction r : network.reactions()) {
      parts.addAll(reaction(r, k, fixed, warnings));
    }
    return Proc.Par.of(parts);
  }

  static int scaled(double amount, double max, int k) {
    if (!(amount > 0) || !(max > 0)) {
      return 0;
    }
    return (int) Math.max(1, Math.min(k, Math.round(amount / max * k)));
  }

  private static Proc message(String id, Proc value) {
    return Rho.send(Rho.species(id), value);
  }

  private static List<Proc> reaction(
      ReactionNetwork.Reaction r, int k, Set<String> fixed, Warnings warnings) {
    // required count and net change per species, in reaction order
    Map<String, int[]> roles = new LinkedHashMap<>();
    for (ReactionNetwork.Term t : r.reactants()) {
      roles.computeIfAbsent(t.species(), id -> new int[2])[0] += t.stoichiometry();
    }
    for (String m : r.modifiers()) {
      int[] role = roles.computeIfAbsent(m, id -> new int[2]);
      role[0] = Math.max(role[0], 1);
    }
    for (ReactionNetwork.Term t : r.products()) {
      roles.computeIfAbsent(t.species(), id -> new int[2])[1] += t.stoichiometry();
    }
    List<List<Option>> perSpecies = new ArrayList<>();
    boolean changes = false;
    for (Map.Entry<String, int[]> e : roles.entrySet()) {
      String id = e.getKey();
      int required = e.getValue()[0];
      int delta = fixed.contains(id) ? 0 : e.getValue()[1] - requiredReactant(r, id);
      if (required == 0 && delta == 0) {
        continue; // a fixed product: never read, never changed
      }
      changes |= delta != 0;
      List<Option> options = options(id, required, delta, k);
      if (options.isEmpty()) {
        warnings.add(
            ImportWarning.Kind.REACTION_NEVER_ENABLED,
            r.id(),
            "reaction "
                + r.id()
                + " can never fire under counts:"
                + k
                + " (species "
                + id
                + " would need more than "
                + k
                + " molecules)");
        return List.of();
      }
      perSpecies.add(options);
    }
    if (!changes) {
      return List.of();
    }
    List<Proc> joins = new ArrayList<>();
    product(perSpecies, 0, new ArrayList<>(), joins);
    return joins;
  }

  private static int requiredReactant(ReactionNetwork.Reaction r, String id) {
    return r.reactants().stream()
        .filter(t -> t.species().equals(id))
        .mapToInt(ReactionNetwork.Term::stoichiometry)
        .sum();
  }

  private static void product(
      List<List<Option>> perSpecies, int i, List<Option> chosen, List<Proc> out) {
    if (i == perSpecies.size()) {
      out.add(
          Rho.persistentJoin(
              chosen.stream().map(Option::bind).toList(),
              chosen.stream().map(Option::emit).toList()));
      return;
    }
    for (Option o : perSpecies.get(i)) {
      chosen.add(o);
      product(perSpecies, i + 1, chosen, out);
      chosen.remove(chosen.size() - 1);
    }
  }

  /**
   * The ways species {@code id} can take part: it needs at least {@code required} molecules (0: it
   * may be absent) and changes by {@code delta}, staying within 0..k.
   */
  private static List<Option> options(String id, int required, int delta, int k) {
    String v = "n_" + id;
    List<Option> out = new ArrayList<>();
    if (required == 0) {
      if (delta <= k) {
        out.add(new Option(Rho.bindAbsent(id), message(id, new Proc.IntLit(delta))));
      }
      if (k - delta >= 1) {
        out.add(present(id, v, 1, k - delta, delta));
      }
      return out;
    }
    int low = required;
    int high = Math.min(k, k - delta);
    if (low > high) {
      return out;
    }
    if (low + delta == 0) {
      // exactly the molecules consumed: the species vanishes
      out.add(new Option(Rho.bind(new Proc.IntLit(low), Rho.species(id)), Rho.absentToken(id)));
      low++;
    }
    if (low <= high) {
      out.add(present(id, v, low, high, delta));
    }
    return out;
  }

  /** Reads a count in {@code low..high} into {@code v} and writes {@code v + delta}. */
  private static Option present(String id, String v, int low, int high, int delta) {
    Proc pattern = new Proc.Var(v);
    for (int excluded = 1; excluded < low; excluded++) {
      pattern = excluding(pattern, excluded);
    }
    // the upper guard: counts above high are excluded, up to K (present counts are 1..K)
    for (int excluded = high + 1; excluded <= high + Math.max(delta, 0); excluded++) {
      pattern = excluding(pattern, excluded);
    }
    Proc value =
        delta == 0
            ? new Proc.Var(v)
            : new Proc.Binary(
                delta > 0 ? BinaryOp.ADD : BinaryOp.SUB,
                new Proc.Var(v),
                new Proc.IntLit(Math.abs(delta)));
    return new Option(Rho.bind(pattern, Rho.species(id)), message(id, value));
  }

  private static Proc excluding(Proc pattern, int value) {
    return new Proc.Binary(
        BinaryOp.CONJ, pattern, new Proc.Unary(UnaryOp.PATTERN_NOT, new Proc.IntLit(value)));
  }
}
