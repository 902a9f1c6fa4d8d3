package rhoscope.server.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import rhoscope.engine.Environment;
import rhoscope.engine.Program;
import rhoscope.engine.Trace;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.open.OpenSystem;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.NameWarnings;
import rhoscope.engine.check.Reduction;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.ProcessVerdict;
import rhoscope.indexer.QueryResult;
import rhoscope.indexer.UnknownReason;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.ingest.LoadedProcess;
import rhoscope.indexer.sbml.Pathway;
import rhoscope.indexer.sbml.SpeciesNames;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.CheckMethod;
import rhoscope.server.wire.ExploreAnswer;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryStats;
import rhoscope.server.wire.SourceFormat;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.Unfinished;
import rhoscope.server.wire.Witness;

/**
 * The one translation from the engine's and the indexer's results to the wire records, shared by
 * the HTTP service and the CLI's {@code --json}, so that both write the same record for the same
 * answer.
 */
public final class WireRecords {
  private WireRecords() {}

  /**
   * A check's answer for a loaded process, checked on {@code program} under {@code bounds} (which
   * an unknown's reason names): for an SBML model, the witness read in the model's terms and the
   * model's import warnings. {@code plan} is the one checked, species names already
   * resolved (see {@link #resolve}).
   */
  public static CheckAnswer check(
      CheckPlan plan,
      LoadedProcess loaded,
      Program program,
      CheckResult result,
      CheckOptions bounds) {
    return check(
        plan,
        program,
        result,
        loaded.pathway(),
        loaded.format() == ProcessFormat.SBML ? loaded.warnings() : null,
        bounds);
  }

  private static CheckAnswer check(
      CheckPlan plan,
      Program program,
      CheckResult result,
      Optional<Pathway> pathway,
      List<String> importWarnings,
      CheckOptions bounds) {
    return new CheckAnswer(
        TypeCatalog.forms(plan).normalised(),
        result.verdict(),
        CheckMethod.of(result.method()),
        blankToNull(UnknownReason.of(result, bounds)),
        result.witness().map(t -> Witness.of(program, t, pathway)).orElse(null),
        result.states(),
        result.complete(),
        result.millis(),
        warnings(plan, program),
        importWarnings,
        reduction(result.reduction()));
  }

  /** {@code "por"} for a reduced check; null (absent on the wire) for a full one. */
  public static String reduction(Reduction r) {
    return switch (r) {
      case NONE -> null;
      case POR -> "por";
    };
  }

  /**
   * Names the type mentions that the process never uses, RChain system names it uses that
   * rhoscope does not model, then what an open check called.
   */
  private static List<String> warnings(CheckPlan plan, Program program) {
    List<String> out =
        new ArrayList<>(NameWarnings.of(plan.parsed().orElseThrow(), program.source().process()));
    out.addAll(NameWarnings.systemNames(program.source().process()));
    program.client().ifPresent(c -> out.addAll(c.notes()));
    return out;
  }

  /**
   * The plan to check {@code loaded} with: for an SBML model, species named by their SBML name
   * resolved to ids.
   *
   * @throws rhoscope.indexer.sbml.UnknownSpeciesException when the type names a species the model
   *     lacks, or a name several of its species share
   */
  public static CheckPlan resolve(CheckPlan plan, LoadedProcess loaded) {
    return loaded.pathway().map(p -> SpeciesNames.strict(p, plan)).orElse(plan);
  }

  /**
   * A query's answer over {@code database}, asked with {@code limit}: its first page, each witness
   * replayed on the process compiled as {@code open} says, on {@code environment}.
   */
  public static QueryAnswer query(CheckPlan plan, QueryResult result, int limit,
      ProcessDatabase database, OpenSystem open, Environment environment) {
    return query(plan, result, 0, limit, v -> match(v, database, open, environment));
  }

  /**
   * A query's answer, the page of its results from {@code offset}, at most {@code limit} (the
   * result was asked for {@code offset + limit}: it holds the ones before the page too), its
   * matches built by {@code matches} (which may reuse streamed ones).
   */
  static QueryAnswer query(
      CheckPlan plan, QueryResult result, int offset, int limit,
      Function<ProcessVerdict, Match> matches) {
    rhoscope.indexer.QueryStats s = result.stats();
    List<ProcessVerdict> page =
        result.results().subList(Math.min(offset, result.results().size()), result.results().size());
    return new QueryAnswer(
        TypeCatalog.forms(plan).normalised(),
        result.plan(),
        result.found(),
        offset,
        limit,
        page.stream().map(matches).toList(),
        result.partial(),
        result.unfinished().stream().map(WireRecords::unfinished).toList(),
        List.of(),
        new QueryStats(
            s.total(), candidates(result), s.checked(), s.matched(), s.unknown(), s.fromCache(),
            s.millis()));
  }

  private static Unfinished unfinished(ProcessVerdict v) {
    return new Unfinished(v.id(), v.name(), v.dataset(), format(v.format()), v.verdict(), v.reason());
  }

  /** The processes left after the index pruned. */
  static long candidates(QueryResult result) {
    return result.stats().total() - result.stats().prunedByIndex();
  }

  /**
   * One process's answer, its witness replayed on the program compiled as {@code open} says, on
   * {@code environment}.
   */
  public static Match match(ProcessVerdict v, ProcessDatabase database, OpenSystem open,
      Environment environment) {
    Witness witness = v.witness().map(t -> witness(v, t, database, open, environment)).orElse(null);
    List<String> importWarnings =
        v.format() == ProcessFormat.SBML
            ? database.get(v.id()).map(ProcessRecord::warnings).orElse(List.of())
            : null;
    return new Match(
        v.id(), v.name(), v.dataset(), format(v.format()), v.verdict(),
        CheckMethod.of(v.method()), blankToNull(v.reason()),
        witness, v.millis(), v.cached(), importWarnings, reduction(v.reduction()));
  }

  /** The verdict's witness, replayed only when the check that reached it did not (a cached one). */
  private static Witness witness(ProcessVerdict v, Trace trace, ProcessDatabase database,
      OpenSystem open, Environment environment) {
    Optional<Pathway> pathway = database.pathway(v.id());
    if (!v.replayed().isEmpty()) {
      return Witness.of(trace, v.replayed(), pathway);
    }
    Program program =
        database
            .program(v.id(), open, environment)
            .orElseThrow(
                () -> new IllegalStateException("process #" + v.id() + " vanished during the query"));
    return Witness.of(program, trace, pathway);
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

  /** {@code reduced}: whether the run explored a partial-order reduction. */
  public static ExploreAnswer explore(String file, ExploreResult r, int workers, boolean reduced) {
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
        r.millis(),
        reduced ? "por" : null);
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
