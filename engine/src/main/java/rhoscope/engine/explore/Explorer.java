package rhoscope.engine.explore;

import rhoscope.engine.Program;

/** Explores the state space of a program (the facade of this package). */
public final class Explorer {
  private Explorer() {}

  /**
   * The parallel explorer with {@code options.workers()} workers; with
   * {@code recordGraph} the sequential one, whose graph indices are deterministic.
   */
  public static ExploreResult explore(Program program, ExploreOptions options) {
    if (options.recordGraph()) {
      return sequential(program, options);
    }
    return new ParallelExplorer(program, options).run();
  }

  /** The sequential breadth-first explorer, the oracle for the parallel one. */
  public static ExploreResult sequential(Program program, ExploreOptions options) {
    return new SequentialExplorer(program, options, new HashFingerprintSet()).run();
  }
}
