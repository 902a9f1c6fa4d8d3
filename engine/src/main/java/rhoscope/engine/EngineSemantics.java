package rhoscope.engine;

/**
 * The version of the engine's behaviour: what a process's states, steps and verdicts are. Anything
 * derived from running the engine and kept across runs (the indexer's cached verdicts, the
 * features it extracted at ingest and prunes on) records the version it was derived under, and is
 * stale under any other.
 *
 * <p>Bump it in the same commit as any change that can alter a reachable state space, a verdict
 * or a count of explored states: the reduction rules (COMM, select, patterns, joins), the normal
 * form of states, the stuck / deadlocked / terminal classification, the model checker's evaluation
 * of a type, or the order in which exploration stops. A refactoring that changes none of these
 * keeps it. {@code EngineSemanticsTest} enforces this: it pins verdicts and state counts over the
 * shipped datasets to the version they were blessed under.
 */
public final class EngineSemantics {
  /**
   * 1: the first versioned semantics, with {@code select} offering every satisfiable branch
   * (commit b3e77f1); anything derived before versioning counts as version 0. 2: RChain's registry
   * ({@code rho:registry:lookup}, {@code insertArbitrary}, {@code insertSigned:secp256k1}) runs as
   * a system service beside a program that names it, and a receive inside a pattern matches a
   * receive of the same shape, as RChain's Either uses it. 3: private names are numbered by an
   * exact canonical labelling (symmetric ties searched, not broken by creation order), so
   * congruent states that used to stay apart are one state and some state counts drop.
   * Checks explore a partial-order reduction where the type keeps its verdict (deadlock and
   * spatial {@code eventually} / {@code always}): the same verdicts after fewer explored states.
   * The registry keeps a directory of the private names inserted into it (so a client can
   * find registered contracts), byte arrays are values, and the {@code rho:crypto} hashes and
   * signature checks are served. 4: a private name's identifier is part of a state's identity only
   * where something observes it (a type naming it, an open program's {@code caller}, the
   * registry), so states equal up to renaming names across identifiers are one state: counts of
   * models with symmetric private names drop (and the philosophers' forks became public names).
   * 5: a partial-order reduction ranks candidate stubborn sets by hashes up to renaming (ties
   * between receives alike but for their names broken by the canonical labelling) and so tells
   * states apart as the full exploration does, across identifiers: reduced checks explore
   * somewhat different counts, with the same verdicts.
   */
  public static final int VERSION = 5;

  private EngineSemantics() {}
}
