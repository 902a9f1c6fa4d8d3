package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Proc;

/**
 * SBML-qual under the asynchronous logical semantics (Thomas; GINsim's "asynchronous"): in each
 * step one species whose target level differs from its level moves one level toward the target.
 *
 * <p>A species at level {@code l >= 1} is the message {@code @"S"!(l)}; level 0 is the absence
 * token (see {@link Rho}), so {@code contains "S"!(_)} means "S is active" as it does for reaction
 * models. Each update is compiled by enumerating the levels of the species it reads: for every
 * combination where the output is not at its target, one persistent join reads exactly those levels
 * (literal patterns) and writes the output one step closer. Evaluating the logical function at
 * import time keeps the process free of arithmetic and conditionals, and a join exists only where
 * the level changes, so there are no self-loops and a state with no successor is a stable state of
 * the logical model. The enumeration is exponential in the number of regulators, hence {@link
 * #MAX_COMBINATIONS}.
 */
final class QualEncoder {
  /** Enough for a species with a dozen Boolean regulators. */
  static final int MAX_COMBINATIONS = 1 << 13;

  private QualEncoder() {}

  static Proc encode(String source, QualNetwork network, Map<String, Integer> overrides) {
    Map<String, QualNetwork.Species> byId = new HashMap<>();
    network.species().forEach(s -> byId.put(s.id(), s));
    List<Proc> parts = new ArrayList<>();
    for (QualNetwork.Species s : network.species()) {
      int level = overrides.getOrDefault(s.id(), s.initialLevel());
      if (level > s.maxLevel()) {
        throw new SbmlImportException(
            source,
            "initial level "
                + level
                + " of "
                + s.id()
                + " exceeds its maximum level "
                + s.maxLevel());
      }
      parts.add(level(s.id(), level));
    }
    for (QualNetwork.Update u : network.updates()) {
      if (!byId.get(u.output()).constant()) {
        parts.addAll(update(source, u, byId));
      }
    }
    return Proc.Par.of(parts);
  }

  private static Proc level(String id, int level) {
    return level == 0 ? Rho.absentToken(id) : Rho.send(Rho.species(id), new Proc.IntLit(level));
  }

  private static Bind read(String id, int level) {
    return level == 0 ? Rho.bindAbsent(id) : Rho.bind(new Proc.IntLit(level), Rho.species(id));
  }

  private static List<Proc> update(
      String source, QualNetwork.Update u, Map<String, QualNetwork.Species> byId) {
    List<String> reads = u.reads();
    long combinations = 1;
    for (String id : reads) {
      combinations *= byId.get(id).maxLevel() + 1L;
      if (combinations > MAX_COMBINATIONS) {
        throw new SbmlImportException(
            source,
            "transition "
                + u.transition()
                + " reads "
                + reads.size()
                + " species; the"
                + " asynchronous encoding enumerates their levels and supports at most "
                + MAX_COMBINATIONS
                + " combinations");
      }
    }
    int outputMax = byId.get(u.output()).maxLevel();
    List<Proc> joins = new ArrayList<>();
    int[] levels = new int[reads.size()];
    Map<String, Integer> assignment = new HashMap<>();
    for (long c = 0; c < combinations; c++) {
      long rest = c;
      for (int i = 0; i < reads.size(); i++) {
        int size = byId.get(reads.get(i)).maxLevel() + 1;
        levels[i] = (int) (rest % size);
        rest /= size;
        assignment.put(reads.get(i), levels[i]);
      }
      int current = levels[0]; // the output is always the first species read
      int target = Math.max(0, Math.min(outputMax, u.target(assignment)));
      if (target == current) {
        continue;
      }
      int next = current + (target > current ? 1 : -1);
      List<Bind> binds = new ArrayList<>();
      List<Proc> body = new ArrayList<>();
      for (int i = 0; i < reads.size(); i++) {
        binds.add(read(reads.get(i), levels[i]));
        body.add(level(reads.get(i), i == 0 ? next : levels[i]));
      }
      joins.add(Rho.persistentJoin(binds, body));
    }
    return joins;
  }
}
