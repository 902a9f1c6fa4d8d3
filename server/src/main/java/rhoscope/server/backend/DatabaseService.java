package rhoscope.server.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import rhoscope.engine.Environment;
import rhoscope.engine.check.CheckPlan;
import rhoscope.engine.open.OpenSystem;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.IndexSummary;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.ProcessVerdict;
import rhoscope.indexer.QueryProgress;
import rhoscope.indexer.QueryRequest;
import rhoscope.indexer.QueryResult;
import rhoscope.indexer.catalog.ProcessCodec;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.ingest.LoadedProcess;
import rhoscope.indexer.ingest.Prepared.Ready;
import rhoscope.indexer.ingest.Loader;
import rhoscope.indexer.ingest.SourceFile;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.indexer.sbml.SbmlImportException;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.print.ProcessPrinter;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.http.CheckSpec;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.NamedType;
import rhoscope.server.http.NewProcess;
import rhoscope.server.http.ProcessFilter;
import rhoscope.server.wire.ProcessPage;
import rhoscope.server.http.PendingUpload;
import rhoscope.server.http.Prepared;
import rhoscope.server.http.ProcessService;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.http.QueryListener;
import rhoscope.server.http.QuerySpec;
import rhoscope.server.http.Upload;
import rhoscope.server.wire.SourceFormat;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.TypeForms;

/**
 * The {@link ProcessService} over a {@link ProcessDatabase}: the database stores, prunes and
 * checks; this class translates between its records and the API's, keeps uploaded sources as
 * files (the database is keyed by path, so posting the same dataset and name again replaces the
 * process), and rebuilds witnesses (through {@link WireRecords}, as the CLI does).
 */
public final class DatabaseService implements ProcessService {
  /** Upload folder, inside the database folder: {@code uploads/DATASET/NAME.rho}. */
  static final String UPLOADS = "uploads";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

  private final ProcessDatabase database;
  private final Path uploads;
  private final long maxStates;
  private final Checks checks;

  /**
   * @param maxStates the bound on explored states of one process's check
   */
  public DatabaseService(ProcessDatabase database, long maxStates) {
    this.database = database;
    this.uploads = database.directory().resolve(UPLOADS);
    this.maxStates = maxStates;
    this.checks = new Checks(maxStates);
  }

  /** The default bound: 200,000 states a check, the database's own default. */
  public DatabaseService(ProcessDatabase database) {
    this(database, QueryRequest.Budget.defaults().maxStates());
  }

  /** Indexes a folder of sources (the shipped datasets) into the database, by the defaults. */
  public IndexSummary index(Path folder) {
    return database.index(List.of(folder), IndexOptions.defaults(), IndexProgress.NONE);
  }

  /**
   * Parses and analyses the upload without any lock (the slow part); the returned commit writes
   * the upload file and stores the process under this service's lock, which {@link #remove}
   * shares, so that an upload file and its index entry change together.
   */
  @Override
  public PendingUpload stage(NewProcess p) {
    Path file = uploadPath(p);
    String semantics = p.format() == SourceFormat.SBML ? p.semantics() : null;
    ImportOptions sbml = importOptions(semantics, p.overrides());
    SourceFile source = new SourceFile(file, p.dataset(), WireRecords.format(p.format()));
    rhoscope.indexer.ingest.Prepared prepared =
        database.prepare(
            source, p.source(), IndexOptions.defaults().withDataset(p.dataset()).withSbml(sbml)
                .withEnvironment(checks.environment(p.withGenesis())));
    return switch (prepared) {
      case rhoscope.indexer.ingest.Prepared.Failed f -> throw refusal(f);
      case rhoscope.indexer.ingest.Prepared.Unchanged u -> () -> new Upload(storedAt(file), false);
      case Ready r -> () -> commit(file, p.source(), r);
    };
  }

  private synchronized Upload commit(Path file, String text, Ready ready) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload " + file, e);
    }
    ProcessDatabase.Stored stored = database.store(ready);
    return new Upload(
        get(Long.toString(stored.record().id())).orElseThrow(), !stored.replaced());
  }

  /** The database's folder (what {@code --db} names). */
  public Path directory() {
    return database.directory();
  }

  /**
   * The stored process with its cached verdicts, as another database adopts it ({@link #adopt});
   * empty when there is none with this id.
   */
  public Optional<ProcessCodec.Portable> export(long id) {
    return database.export(id);
  }

  /**
   * Stores a process another database exported, as an upload of its dataset and file name here
   * (so that uploading that name again replaces it), without parsing, exploring or checking it.
   */
  public synchronized Upload adopt(ProcessCodec.Portable portable) {
    ProcessRecord r = portable.record();
    Path name = Path.of(r.path()).getFileName();
    Path file = uploads.resolve(r.dataset()).resolve(name.toString()).toAbsolutePath().normalize();
    if (!file.startsWith(uploads.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(
          "a moved process's dataset '" + r.dataset() + "' leads out of " + uploads);
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, r.source(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the moved process " + file, e);
    }
    ProcessRecord here =
        new ProcessRecord(
            0, file.toString(), r.name(), r.dataset(), r.format(), r.semantics(), r.source(),
            r.fingerprint(), r.ingestedAt(), r.warnings(), r.features());
    ProcessDatabase.Stored stored =
        database.adopt(new ProcessCodec.Portable(here, portable.verdicts()));
    return new Upload(
        get(Long.toString(stored.record().id())).orElseThrow(), !stored.replaced());
  }

  private StoredProcess storedAt(Path file) {
    String path = file.toString();
    return database.list().stream()
        .filter(s -> s.path().equals(path))
        .findFirst()
        .flatMap(s -> get(Long.toString(s.id())))
        .orElseThrow(() -> new IllegalStateException("unchanged upload " + path + " is not stored"));
  }

  @Override
  public ProcessPage list(ProcessFilter filter, int offset, int limit) {
    List<ProcessSummary> all =
        database.list().stream()
            .map(WireRecords::summary)
            .filter(s -> filter.accepts(s.dataset(), s.name(), s.format()))
            .sorted(Comparator.comparing(ProcessSummary::dataset).thenComparing(ProcessSummary::name))
            .toList();
    int from = Math.min(offset, all.size());
    return new ProcessPage(
        all.size(), offset, limit, all.subList(from, Math.min(all.size(), from + limit)));
  }

  @Override
  public Optional<StoredProcess> get(String id) {
    return parseId(id).flatMap(database::get).map(WireRecords::stored);
  }

  @Override
  public synchronized boolean remove(String id) {
    Optional<ProcessRecord> record = parseId(id).flatMap(database::get);
    if (record.isEmpty() || !database.remove(record.get().id())) {
      return false;
    }
    Path file = Path.of(record.get().path());
    if (file.startsWith(uploads.toAbsolutePath().normalize())) {
      // An upload lives only for its process; a shipped dataset file is never touched.
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the upload " + file, e);
      }
    }
    return true;
  }

  @Override
  public long count() {
    return database.list().size();
  }

  @Override
  public Prepared<QueryAnswer> prepareQuery(QuerySpec spec, QueryListener listener) {
    return (cancel, deadline) -> {
      CheckPlan plan = TypeCatalog.compile(spec.type());
      listener.compiled();
      QueryRequest request = request(plan, spec, deadline.left());
      Streamed streamed = new Streamed(listener, spec.offset() + spec.limit(), request);
      // The database's checks poll the token: once the runner gives up, they end at their next
      // state and the candidates not started are answered unfinished.
      QueryResult result = database.query(request, streamed, cancel);
      QueryAnswer answer =
          WireRecords.query(
              plan, result, spec.offset(), spec.limit(),
              v -> streamed.built(v).orElseGet(() -> match(v, request)));
      streamed.finish(WireRecords.candidates(result));
      return answer.withElapsedMs(deadline.elapsedMillis());
    };
  }

  /**
   * The database's request for the query: the time left of the request's budget is the whole
   * query's, each candidate's check getting a share of it, at most the spec's time (which keys
   * the cache of unknown verdicts, so it must not vary with the time spent before the query).
   */
  private QueryRequest request(CheckPlan plan, QuerySpec spec, Duration left) {
    QueryRequest parsed =
        QueryRequest.of(plan)
            .withLimit(spec.offset() + spec.limit())
            .withBudget(new QueryRequest.Budget(maxStates, spec.timeout()))
            .withOpen(OpenSystem.calls(spec.calls()))
            .withEnvironment(checks.environment(spec.withGenesis()))
            .withTotalTime(left);
    ProcessFilter f = spec.filter();
    if (f.dataset() != null) {
      parsed = parsed.withDataset(f.dataset());
    }
    if (f.format() != null) {
      parsed = parsed.withFormat(WireRecords.format(f.format()));
    }
    if (f.nameContains() != null) {
      parsed = parsed.withNamePattern("*" + f.nameContains() + "*");
    }
    return parsed;
  }

  /**
   * Forwards the database's verdicts to the API's listener as they arrive, on the database's
   * worker threads: a {@code progress} for each verdict, and a {@code match} for each verdict the
   * answer lists (not {@code no}), at most {@code limit} of them. Thread-safe: the count and its
   * progress event go out together under a lock, so progress never runs backwards; a match's
   * witness is rebuilt outside it, and kept for the final answer so it is not rebuilt twice. When
   * more processes match than the limit, the answer keeps the database's choice (yes before
   * unknown, by id), which may leave out a match streamed earlier.
   */
  private final class Streamed implements QueryProgress {
    private final QueryListener listener;
    private final int limit;
    private final QueryRequest request;
    private final Map<Long, Match> built = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private long candidates;
    private long checked;

    Streamed(QueryListener listener, int limit, QueryRequest request) {
      this.listener = listener;
      this.limit = limit;
      this.request = request;
    }

    @Override
    public synchronized void candidates(int count) {
      candidates = count;
      listener.progress(0, count);
    }

    @Override
    public void verdict(ProcessVerdict v) {
      if (v.verdict() != Verdict.NO && sent.getAndIncrement() < limit) {
        Match m = match(v, request);
        built.put(v.id(), m);
        listener.matched(m);
      }
      synchronized (this) {
        listener.progress(++checked, candidates);
      }
    }

    Optional<Match> built(ProcessVerdict v) {
      return Optional.ofNullable(built.get(v.id()));
    }

    /** The last progress, when a candidate vanished before its verdict. */
    synchronized void finish(long total) {
      if (checked < total) {
        listener.progress(total, total);
      }
    }
  }

  @Override
  public Prepared<CheckAnswer> prepareCheck(CheckSpec spec) {
    return (cancel, deadline) -> {
      CheckPlan plan = TypeCatalog.compile(spec.type());
      LoadedProcess loaded;
      Environment environment;
      switch (spec.process()) {
        case CheckSpec.Inline inline -> {
          loaded = load(
              new SourceFile(Path.of("request"), "request", WireRecords.format(inline.format())),
              inline.source(),
              importOptions(inline.semantics(), inline.overrides()));
          environment = checks.environment(spec.withGenesis());
        }
        case CheckSpec.Stored stored -> {
          ProcessRecord r = parseId(stored.id())
              .flatMap(database::get)
              .orElseThrow(
                  () -> ApiException.notFound("no process with id '" + stored.id() + "'"));
          loaded = load(r);
          environment = environmentOf(r, spec.withGenesis());
        }
      }
      return checks
          .check(loaded, plan, spec.timeout(), deadline.left(), spec.calls(), cancel, environment)
          .withElapsedMs(deadline.elapsedMillis());
    };
  }

  /**
   * What a stored process runs beside: the genesis it was indexed on, so that a check by id
   * answers for the process its features describe; else the server's genesis when the request
   * asks for it.
   */
  private Environment environmentOf(ProcessRecord r, boolean withGenesis) {
    String semantics = r.semantics() == null ? "" : r.semantics();
    if (!semantics.startsWith(Environment.GENESIS_KEY)) {
      return checks.environment(withGenesis);
    }
    try {
      return Environment.ofKey(semantics).orElseThrow();
    } catch (IllegalArgumentException e) {
      throw new ApiException(409, "genesis_missing", "process " + r.id() + " was indexed on the"
          + " genesis contracts of " + semantics.substring(Environment.GENESIS_KEY.length())
          + ", which cannot be loaded now: " + e.getMessage());
    }
  }

  @Override
  public List<NamedType> types() {
    return TypeCatalog.standardLibrary();
  }

  @Override
  public TypeForms parseType(String type) {
    return TypeCatalog.forms(TypeCatalog.parse(type));
  }

  @Override
  public void close() {
    database.close();
  }

  private Match match(ProcessVerdict v, QueryRequest request) {
    return WireRecords.match(v, database, request.open(), request.environment());
  }

  private static LoadedProcess load(ProcessRecord r) {
    // The record spells its semantics with any overrides ("boolean E1=0"), as the indexer wrote it.
    ImportOptions options =
        r.format() == ProcessFormat.SBML && !r.semantics().isBlank()
            ? rhoscope.indexer.ingest.Semantics.parse(r.semantics())
            : ImportOptions.defaults();
    return load(new SourceFile(Path.of(r.path()), r.dataset(), r.format()), r.source(), options);
  }

  /** Parses or imports; an SBML model that cannot be imported is bad input, with its place. */
  private static LoadedProcess load(SourceFile file, String text, ImportOptions sbml) {
    try {
      return Loader.load(file, text, sbml);
    } catch (SbmlImportException e) {
      throw sbmlError(e);
    }
  }

  private static ApiException sbmlError(SbmlImportException e) {
    return new ApiException(
        400, "sbml", e.problem(), Math.max(0, e.line()), Math.max(0, e.column()));
  }

  private static ImportOptions importOptions(String semantics, Map<String, Integer> overrides) {
    ImportOptions base;
    if (semantics == null || semantics.isBlank()) {
      base = ImportOptions.defaults();
    } else {
      try {
        base = ImportOptions.parse(semantics, List.of());
      } catch (IllegalArgumentException e) {
        String hint =
            semantics.contains("=") || semantics.contains("--set")
                ? " (set species' initial values with the 'overrides' field: {\"E1\": 0})"
                : "";
        throw ApiException.badRequest(
            "bad semantics '" + semantics + "': " + e.getMessage() + hint);
      }
    }
    try {
      return new ImportOptions(base.semantics(), overrides);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad overrides: " + e.getMessage());
    }
  }

  private Path uploadPath(NewProcess p) {
    for (String part : List.of(p.dataset(), p.name())) {
      if (!SAFE.matcher(part).matches() || part.startsWith(".")) {
        throw ApiException.badRequest(
            "dataset and name may hold letters, digits, '.', '_' and '-' only: '" + part + "'");
      }
    }
    String extension = p.format() == SourceFormat.SBML ? ".xml" : ".rho";
    String file = p.name().toLowerCase(Locale.ROOT).endsWith(extension) ? p.name() : p.name() + extension;
    return uploads.resolve(p.dataset()).resolve(file).toAbsolutePath().normalize();
  }

  /**
   * The 400 for an upload the preparer failed: a parse, compile or import error keeps its code and
   * place (the central mapping answers a {@link LangException} with them).
   */
  private static RuntimeException refusal(rhoscope.indexer.ingest.Prepared.Failed failed) {
    return switch (failed.error().orElse(null)) {
      case LangException e -> e;
      case SbmlImportException e -> sbmlError(e);
      case null, default -> ApiException.badRequest(failed.reason());
    };
  }

  private static Optional<Long> parseId(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The process as the engine runs it: the parse (or the SBML translation), printed. */
  static String printed(ProcessRecord r) {
    return ProcessPrinter.print(load(r).parsed().process());
  }
}
