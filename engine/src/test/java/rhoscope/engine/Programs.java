package rhoscope.engine;

import rhoscope.engine.bench.ExplorerBenchmark;
import rhoscope.lang.parse.ProcessParser;

/** Test helper: programs from Rholang source. */
public final class Programs {
  private Programs() {}

  public static Program load(String source) {
    return Engine.load(ProcessParser.parse("test.rho", source));
  }

  /** The explorer benchmark's dining philosophers (3^N states, one deadlock), as source. */
  public static String philosophers(int n) {
    return ExplorerBenchmark.philosophersSource(n);
  }
}
