package rhoscope.server.backend;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import rhoscope.engine.Program;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.NameWarnings;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.ProcessVerdict;
import rhoscope.indexer.QueryResult;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.ExploreAnswer;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryStats;
import rhoscope.server.wire.SourceFormat;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.Witness;

/**
 * The one translation from the engine's and the indexer's results to the wire records, shared by
 * the HTTP service and the CLI's {@code --json}, so that both write the same record for the same
 * answer.
 */
public final class WireRecords {
  private WireRecords() {}

  /** A check's answer; {@code program} is the one checked, for the witness to replay on. */
  public static CheckAnswer check(CheckPlan plan, Program program, CheckResult result) {
    return new CheckAnswer(
        TypeCatalog.forms(plan).normalised(),
        result.verdict(),
        blankToNull(result.reason()),
        result.witness().map(t -> Witness.of(program, t)).orElse(null),
        result.states(),
        result.complete(),
        result.millis(),
        Stream.concat(
                NameWarnings.of(plan.parsed().orElseThrow(), program.source().process()).stream(),
                NameWarnings.systemNames(program.source().process()).stream())
            .toList());
  }

  /** A query's answer over {@code database}, with each match's witness replayed. */
  public static QueryAnswer query(CheckPlan plan, QueryResult result, ProcessDatabase database) {
    return query(plan, result, v -> match(v, database));
  }

  /** A query's answer, its matches built by {@code matches} (which may reuse streamed ones). */
  static QueryAnswer query(
      CheckPlan plan, QueryResult result, Function<ProcessVerdict, Match> matches) {
    rhoscope.indexer.QueryStats s = result.stats();
    return new QueryAnswer(
        TypeCatalog.forms(plan).normalised(),
        result.plan(),
        result.results().stream().map(matches).toList(),
        new QueryStats(
            s.total(), candidates(result), s.checked(), s.matched(), s.unknown(), s.fromCache(),
            s.millis()));
  }

  /** The processes left after the index pruned. */
  static long candidates(QueryResult result) {
    return result.stats().total() - result.stats().prunedByIndex();
  }

  /** One process's answer, its witness replayed on the stored program. */
  public static Match match(ProcessVerdict v, ProcessDatabase database) {
    Witness witness =
        v.witness()
            .map(
                t ->
                    Witness.of(
                        database
                            .program(v.id())
                            .orElseThrow(
                                () -> new IllegalStateException(
                                    "process #" + v.id() + " vanished during the query")),
                        t))
            .orElse(null);
    return new Match(
        v.id(), v.name(), v.dataset(), format(v.format()), v.verdict(), blankToNull(v.reason()),
        witness, v.millis(), v.cached());
  }

  public static ProcessSummary summary(rhoscope.indexer.catalog.ProcessSummary s) {
    return new ProcessSummary(
        s.id(), s.name(), s.dataset(), format(s.format()), blankToNull(s.semantics()),
        s.stateCount(), s.explorationComplete());
  }

  /** A stored process, with the process printed as the engine runs it. */
  public static StoredProcess stored(ProcessRecord r) {
    return new StoredProcess(
        r.id(),
        r.name(),
        r.dataset(),
        format(r.format()),
        blankToNull(r.semantics()),
        r.fingerprint(),
        r.ingestedAt(),
        r.source(),
        DatabaseService.printed(r),
        Features.toMap(r.features()),
        r.warnings());
  }

  public static ExploreAnswer explore(String file, ExploreResult r, int workers) {
    return new ExploreAnswer(
        file,
        r.distinctStates(),
        r.transitions(),
        r.deadlockedStates(),
        r.terminalStates(),
        r.maxDepth(),
        r.complete(),
        r.stopReason().name().toLowerCase(Locale.ROOT),
        workers,
        r.millis());
  }

  public static SourceFormat format(ProcessFormat f) {
    return switch (f) {
      case RHOLANG -> SourceFormat.RHOLANG;
      case SBML -> SourceFormat.SBML;
    };
  }

  static ProcessFormat format(SourceFormat f) {
    return switch (f) {
      case RHOLANG -> ProcessFormat.RHOLANG;
      case SBML -> ProcessFormat.SBML;
    };
  }

  private static String blankToNull(String s) {
    return Optional.ofNullable(s).filter(t -> !t.isBlank()).orElse(null);
  }

  /** The type's text compiled as a query compiles it. */
  public static CheckPlan compile(String type) {
    return TypeCatalog.compile(type);
  }
}
