package rhoscope.server.cluster;

import rhoscope.server.wire.Match;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.Unfinished;

/** The wire records of one member under cluster ids ({@link ClusterIds}) instead of its own. */
final class Relabel {
  private Relabel() {}

  static Match match(Match m, long id) {
    return new Match(
        id, m.name(), m.dataset(), m.format(), m.verdict(), m.method(), m.reason(), m.witness(),
        m.elapsedMs(), m.cached(), m.importWarnings(), m.reduction());
  }

  static Unfinished unfinished(Unfinished u, long id) {
    return new Unfinished(id, u.name(), u.dataset(), u.format(), u.verdict(), u.reason());
  }

  static ProcessSummary summary(ProcessSummary s, long id) {
    return new ProcessSummary(
        id, s.name(), s.dataset(), s.format(), s.semantics(), s.stateCount(),
        s.explorationComplete());
  }

  static StoredProcess stored(StoredProcess p, long id) {
    return new StoredProcess(
        id, p.name(), p.dataset(), p.format(), p.semantics(), p.fingerprint(), p.ingestedAt(),
        p.source(), p.process(), p.features(), p.warnings());
  }
}
