package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Proc;

/**
 * Boolean semantics (BIOCHAM's): each species is present ({@code @"S"!(true)}) or absent (its token
 * on {@code @("absent", "S")}, see {@link Rho}).
 *
 * <p>A reaction is one persistent join per outcome. Its species fall into three groups:
 *
 * <ul>
 *   <li>consumed reactants C: must be present; each may stay present or become absent;
 *   <li>read-only species Q (modifiers, fixed species, reactants that are also products): must be
 *       present and stay so, which is how an enzyme is required but not consumed;
 *   <li>produced species P: become present whatever they were.
 * </ul>
 *
 * For every subset D of C that becomes absent and every subset A of P that is absent now, one join
 * reads exactly the messages that say so and writes the new values. Enumerating the current state
 * of the products (instead of reading them with {@code _}) lets us drop the one outcome that
 * changes nothing (D and A empty), so a reaction never fires as a self-loop: a state with no
 * successor really is a steady state, and {@code deadlock}/{@code terminated} mean something. The
 * cost is 2^(|C|+|P|) - 1 joins per reaction, which is why a reaction may change at most {@link
 * #MAX_CHANGED} species.
 */
final class BooleanEncoder {
  /** 2^12 - 1 joins for one reaction is already far beyond any published reaction scheme. */
  static final int MAX_CHANGED = 12;

  private BooleanEncoder() {}

  static Proc encode(String source, ReactionNetwork network, Map<String, Integer> overrides) {
    List<Proc> parts = new ArrayList<>();
    for (ReactionNetwork.Species s : network.species()) {
      boolean present = overrides.containsKey(s.id()) ? overrides.get(s.id()) > 0 : s.initial() > 0;
      parts.add(present ? presentMessage(s.id()) : Rho.absentToken(s.id()));
    }
    Set<String> fixed = new LinkedHashSet<>();
    network.species().stream()
        .filter(ReactionNetwork.Species::fixed)
        .forEach(s -> fixed.add(s.id()));
    for (ReactionNetwork.Reaction r : network.reactions()) {
      parts.addAll(reaction(source, r, fixed));
    }
    return Proc.Par.of(parts);
  }

  private static Proc presentMessage(String id) {
    return Rho.send(Rho.species(id), new Proc.BoolLit(true));
  }

  /** The three groups of a reaction's species (see the class comment), in reaction order. */
  record Groups(List<String> consumed, List<String> readOnly, List<String> produced) {
    Groups {
      consumed = List.copyOf(consumed);
      readOnly = List.copyOf(readOnly);
      produced = List.copyOf(produced);
    }
  }

  static Groups groups(ReactionNetwork.Reaction r, Set<String> fixed) {
    Set<String> reactants = ids(r.reactants());
    Set<String> products = ids(r.products());
    List<String> consumed = new ArrayList<>();
    List<String> readOnly = new ArrayList<>();
    List<String> produced = new ArrayList<>();
    for (String id : reactants) {
      (products.contains(id) || fixed.contains(id) ? readOnly : consumed).add(id);
    }
    for (String id : r.modifiers()) {
      if (!reactants.contains(id)) {
        readOnly.add(id);
      }
    }
    for (String id : products) {
      if (!reactants.contains(id) && !r.modifiers().contains(id) && !fixed.contains(id)) {
        produced.add(id);
      }
    }
    return new Groups(consumed, readOnly, produced);
  }

  private static List<Proc> reaction(String source, ReactionNetwork.Reaction r, Set<String> fixed) {
    Groups g = groups(r, fixed);
    List<String> consumed = g.consumed();
    List<String> readOnly = g.readOnly();
    List<String> produced = g.produced();
    int changed = consumed.size() + produced.size();
    if (changed > MAX_CHANGED) {
      throw new SbmlImportException(
          source,
          "reaction "
              + r.id()
              + " changes "
              + changed
              + " species; boolean semantics"
              + " enumerates 2^n outcomes per reaction and supports at most n = "
              + MAX_CHANGED);
    }
    List<Proc> joins = new ArrayList<>();
    for (int gone = 0; gone < 1 << consumed.size(); gone++) {
      for (int absent = 0; absent < 1 << produced.size(); absent++) {
        if (gone != 0 || absent != 0) {
          joins.add(join(consumed, readOnly, produced, gone, absent));
        }
      }
    }
    return joins;
  }

  private static Proc join(
      List<String> consumed, List<String> readOnly, List<String> produced, int gone, int absent) {
    List<Bind> binds = new ArrayList<>();
    List<Proc> body = new ArrayList<>();
    for (int i = 0; i < consumed.size(); i++) {
      String id = consumed.get(i);
      binds.add(Rho.bind(new Proc.BoolLit(true), Rho.species(id)));
      body.add((gone & 1 << i) != 0 ? Rho.absentToken(id) : presentMessage(id));
    }
    for (String id : readOnly) {
      binds.add(Rho.bind(new Proc.BoolLit(true), Rho.species(id)));
      body.add(presentMessage(id));
    }
    for (int i = 0; i < produced.size(); i++) {
      String id = produced.get(i);
      binds.add(
          (absent & 1 << i) != 0
              ? Rho.bindAbsent(id)
              : Rho.bind(new Proc.BoolLit(true), Rho.species(id)));
      body.add(presentMessage(id));
    }
    return Rho.persistentJoin(binds, body);
  }

  private static Set<String> ids(List<ReactionNetwork.Term> terms) {
    Set<String> out = new LinkedHashSet<>();
    terms.forEach(t -> out.add(t.species()));
    return out;
  }
}
