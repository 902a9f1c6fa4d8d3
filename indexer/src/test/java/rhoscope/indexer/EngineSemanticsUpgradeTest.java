package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.EngineSemantics;
import rhoscope.indexer.catalog.CachedVerdict;
import rhoscope.indexer.catalog.CatalogFile;
import rhoscope.indexer.catalog.CatalogTestSupport;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessStore;
import rhoscope.indexer.catalog.VerdictCache;
import rhoscope.indexer.ingest.Prepared;
import rhoscope.indexer.ingest.Preparer;
import rhoscope.indexer.ingest.SourceFile;
import rhoscope.indexer.lucene.FeatureIndex;
import rhoscope.indexer.sbml.ImportOptions;

/**
 * What a database built by an engine of other semantics ({@link EngineSemantics#VERSION}) becomes
 * on open: its cached verdicts are not served, and its features, which the planner prunes on, are
 * derived again. Stale features are simulated as those of a process that never sends on "b",
 * written in both stores under the row of one that does.
 */
class EngineSemanticsUpgradeTest {
  private static final String SENDS_B = "@\"a\"!(1) | for (_ <- @\"a\") { @\"b\"!(2) }";
  private static final String QUERY = "eventually contains \"b\"!(_)";
  private static final int NOW = EngineSemantics.VERSION;

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("db");
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve("src").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f.toAbsolutePath();
  }

  private static ProcessRecord prepare(Path file) {
    Preparer p =
        new Preparer(
            ImportOptions.defaults(), 1000, Duration.ofSeconds(1), identity -> Optional.empty());
    return ((Prepared.Ready) p.prepare(new SourceFile(file, "src", ProcessFormat.RHOLANG)))
        .record();
  }

  private long indexSendsB() throws IOException {
    Path file = write("sends_b.rho", SENDS_B);
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      db.index(List.of(file), IndexOptions.defaults(), IndexProgress.NONE);
      return db.list().get(0).id();
    }
  }

  /**
   * Gives the stored process {@code id}, in both stores, the features of a process that never
   * sends on "b", as derived under engine semantics {@code version}; {@code source} replaces its
   * source when present.
   */
  private void makeStale(long id, int version, Optional<String> source) throws IOException {
    ProcessRecord decoy = prepare(write("decoy.rho", "@\"a\"!(1)"));
    try (CatalogFile file = CatalogFile.open(db());
        FeatureIndex index = FeatureIndex.open(db().resolve("lucene"))) {
      ProcessRecord r = new ProcessStore(file).get(id).orElseThrow();
      ProcessRecord stale =
          new ProcessRecord(
              id,
              r.path(),
              r.name(),
              r.dataset(),
              r.format(),
              r.semantics(),
              source.orElse(r.source()),
              r.fingerprint(),
              r.ingestedAt(),
              decoy.warnings(),
              decoy.features());
      ProcessStore store = CatalogTestSupport.processStore(file, version);
      store.putPending(stale);
      index.put(stale);
      index.commit();
      store.setStatus(List.of(id), ProcessStore.Status.DONE);
    }
  }

  private String upgradeNotice() {
    return "re-deriving the features of 1 process indexed under engine semantics "
        + (NOW - 1)
        + " (now "
        + NOW
        + ")";
  }

  @Test
  void staleFeaturesTaggedWithTheCurrentVersionArePrunedOn() throws IOException {
    // the control: what an upgrade without a version bump would do
    makeStale(indexSendsB(), NOW, Optional.empty());
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      assertThat(db.openNotices()).isEmpty();
      QueryStats stats = db.query(QueryRequest.of(QUERY)).stats();
      assertThat(stats.prunedByIndex()).isEqualTo(1);
      assertThat(stats.matched()).isZero();
    }
  }

  @Test
  void featuresDerivedUnderAnOlderSemanticsVersionAreRederivedOnOpenAndNoLongerPrunedOn()
      throws IOException {
    long id = indexSendsB();
    makeStale(id, NOW - 1, Optional.empty());
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      assertThat(db.openNotices()).containsExactly(upgradeNotice());
      QueryStats stats = db.query(QueryRequest.of(QUERY)).stats();
      assertThat(stats.prunedByIndex()).isZero();
      assertThat(stats.matched()).isEqualTo(1);
      assertThat(db.get(id).orElseThrow().features().statics())
          .isEqualTo(prepare(write("again.rho", SENDS_B)).features().statics());
    }
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      assertThat(db.openNotices()).as("re-derived once").isEmpty();
    }
    try (CatalogFile file = CatalogFile.open(db());
        FeatureIndex index = FeatureIndex.open(db().resolve("lucene"))) {
      ProcessStore store = new ProcessStore(file);
      assertThat(store.derivedUnderOtherSemantics()).isEmpty();
      assertThat(index.fingerprints()).isEqualTo(store.fingerprints());
      assertThat(store.idsWithStatus(ProcessStore.Status.PENDING)).isEmpty();
    }
  }

  @Test
  void aCrashAfterARederivedRowIsPendingRewritesItsDocumentThoughTheFingerprintIsEqual()
      throws IOException {
    long id = indexSendsB();
    makeStale(id, NOW - 1, Optional.empty());
    try (CatalogFile file = CatalogFile.open(db())) {
      ProcessStore store = new ProcessStore(file);
      ProcessRecord r = store.get(id).orElseThrow();
      ProcessRecord rederived =
          new Preparer(
                  ImportOptions.defaults(), 1000, Duration.ofSeconds(1), i -> Optional.empty())
              .rederive(r) instanceof Prepared.Ready ready
              ? ready.record()
              : null;
      assertThat(rederived).isNotNull();
      store.putPending(rederived);
      // crash: the Lucene document still has the stale features
    }
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      assertThat(db.openNotices()).as("the catalog row is current").isEmpty();
      QueryStats stats = db.query(QueryRequest.of(QUERY)).stats();
      assertThat(stats.prunedByIndex()).isZero();
      assertThat(stats.matched()).isEqualTo(1);
    }
  }

  @Test
  void aStaleProcessThatCannotBeRederivedKeepsItsDataAndIsNeverPruned() throws IOException {
    long id = indexSendsB();
    makeStale(id, NOW - 1, Optional.of("for ( <- broken"));
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      assertThat(db.openNotices()).hasSize(2).first().isEqualTo(upgradeNotice());
      assertThat(db.openNotices().get(1))
          .startsWith("cannot re-derive the features of " + dir.resolve("src/sends_b.rho"))
          .contains("tried again on the next open");
      assertThat(db.get(id).orElseThrow().source()).isEqualTo("for ( <- broken");
      QueryStats stats = db.query(QueryRequest.of(QUERY)).stats();
      assertThat(stats.prunedByIndex()).isZero();
      assertThat(stats.unknown()).isEqualTo(1);
    }
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      assertThat(db.openNotices()).hasSize(2);
    }
  }

  @Test
  void aCachedVerdictReachedUnderAnotherSemanticsVersionIsNotServedAndTheCheckRunsAgain()
      throws IOException {
    long id = indexSendsB();
    String key;
    String fingerprint;
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      QueryResult first = db.query(QueryRequest.of(QUERY));
      assertThat(first.stats().checked()).isEqualTo(1);
      assertThat(db.query(QueryRequest.of(QUERY)).stats().fromCache()).isEqualTo(1);
      key = first.normalizedType();
      fingerprint = db.get(id).orElseThrow().fingerprint();
    }
    try (CatalogFile file = CatalogFile.open(db())) {
      new VerdictCache(file).clear();
      CatalogTestSupport.verdictCache(file, NOW - 1)
          .put(fingerprint, key, new CachedVerdict("NO", "under the old select", "", 1, "EXPLORE"));
    }
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      QueryStats stats = db.query(QueryRequest.of(QUERY)).stats();
      assertThat(stats.fromCache()).isZero();
      assertThat(stats.checked()).isEqualTo(1);
      assertThat(stats.matched()).isEqualTo(1);
      QueryStats again = db.query(QueryRequest.of(QUERY)).stats();
      assertThat(again.fromCache()).isEqualTo(1);
      assertThat(again.matched()).isEqualTo(1);
    }
    try (CatalogFile file = CatalogFile.open(db())) {
      assertThat(CatalogTestSupport.verdictCache(file, NOW - 1).get(fingerprint, key))
          .as("dropped on open")
          .isEmpty();
    }
  }

  @Test
  void reingestingAnUnchangedFileDerivedUnderOtherSemanticsDerivesItAgain() throws IOException {
    Path file = write("sends_b.rho", SENDS_B);
    assertThat(prepareAgainstRowOf(file, NOW)).isInstanceOf(Prepared.Unchanged.class);
    assertThat(prepareAgainstRowOf(file, NOW - 1))
        .isInstanceOfSatisfying(Prepared.Ready.class, r -> assertThat(r.replacing()).isTrue());
  }

  /** Prepares {@code file} as if its unchanged content were stored, derived under {@code version}. */
  private static Prepared prepareAgainstRowOf(Path file, int version) {
    ProcessStore.PathEntry stored =
        new ProcessStore.PathEntry(7, prepare(file).fingerprint(), version, ProcessStore.Status.DONE);
    return new Preparer(
            ImportOptions.defaults(), 1000, Duration.ofSeconds(1), identity -> Optional.of(stored))
        .prepare(new SourceFile(file, "src", ProcessFormat.RHOLANG));
  }
}
