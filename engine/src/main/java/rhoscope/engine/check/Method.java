package rhoscope.engine.check;

/** How a verdict was reached, shown with it so that a user knows what the answer rests on. */
public enum Method {
  /** By exploring the process's reachable states (possibly stopping at the evidence). */
  EXPLORE,
  /**
   * Without exploring: from a least-fixpoint closure of what can ever become present, which the
   * caller computed from a monotone model (an SBML model under boolean semantics).
   */
  CLOSURE
}
