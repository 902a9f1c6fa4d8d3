package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.catalog.CatalogFile;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.catalog.ProcessStore;
import rhoscope.indexer.ingest.Prepared;
import rhoscope.indexer.ingest.Preparer;
import rhoscope.indexer.ingest.SourceFile;
import rhoscope.indexer.lucene.FeatureIndex;
import rhoscope.indexer.sbml.ImportOptions;

/**
 * A crash between any two steps of the write protocol (catalog row pending, Lucene write, Lucene
 * commit, row done; or row removing, Lucene delete, row delete) is simulated by doing the first
 * steps on the two stores directly and closing them, which drops uncommitted Lucene writes as a
 * crash would. Opening the database must leave both stores in agreement.
 */
class CrashRecoveryTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("db");
  }

  private ProcessRecord prepare(String name, String text) throws IOException {
    Path f = dir.resolve("src").resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
    Preparer p =
        new Preparer(
            ImportOptions.defaults(), 1000, Duration.ofSeconds(1), path -> Optional.empty());
    Prepared out = p.prepare(new SourceFile(f.toAbsolutePath(), "src", ProcessFormat.RHOLANG));
    return ((Prepared.Ready) out).record();
  }

  /** Both stores hold the same processes with the same fingerprints, all rows done. */
  private void assertConsistent(Map<Long, String> expected) {
    try (ProcessDatabase opened = ProcessDatabase.open(db())) {
      assertThat(opened.list()).hasSize(expected.size());
    }
    try (CatalogFile file = CatalogFile.open(db());
        FeatureIndex index = FeatureIndex.open(db().resolve("lucene"))) {
      ProcessStore c = new ProcessStore(file);
      assertThat(c.fingerprints()).isEqualTo(expected);
      assertThat(index.fingerprints()).isEqualTo(expected);
      assertThat(c.idsWithStatus(ProcessStore.Status.PENDING)).isEmpty();
      assertThat(c.idsWithStatus(ProcessStore.Status.REMOVING)).isEmpty();
    }
  }

  @Test
  void crashAfterThePendingRowBeforeTheLuceneCommitIndexesTheNewProcess() throws IOException {
    ProcessRecord r = prepare("a.rho", "@\"a\"!(1)");
    long id;
    try (CatalogFile file = CatalogFile.open(db());
        FeatureIndex index = FeatureIndex.open(db().resolve("lucene"))) {
      ProcessStore c = new ProcessStore(file);
      id = c.putPending(r);
      index.put(r.withId(id));
      // crash: no commit
    }
    assertConsistent(Map.of(id, r.fingerprint()));
  }

  @Test
  void crashAfterTheLuceneCommitBeforeTheRowIsDoneKeepsBoth() throws IOException {
    ProcessRecord r = prepare("a.rho", "@\"a\"!(1)");
    long id;
    try (CatalogFile file = CatalogFile.open(db());
        FeatureIndex index = FeatureIndex.open(db().resolve("lucene"))) {
      ProcessStore c = new ProcessStore(file);
      id = c.putPending(r);
      index.put(r.withId(id));
      index.commit();
    }
    assertConsistent(Map.of(id, r.fingerprint()));
  }

  @Test
  void crashWhileReplacingAChangedFileLeavesTheNewVersionInBothStores() throws IOException {
    ProcessRecord v1 = prepare("a.rho", "@\"old\"!(1)");
    long id;
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      db.index(List.of(Path.of(v1.path())), IndexOptions.defaults(), IndexProgress.NONE);
      id = db.list().get(0).id();
    }
    ProcessRecord v2 = prepare("a.rho", "@\"new\"!(1)");
    try (CatalogFile file = CatalogFile.open(db())) {
      ProcessStore c = new ProcessStore(file);
      c.putPending(v2);
      // crash: the Lucene document is still v1's
    }
    assertConsistent(Map.of(id, v2.fingerprint()));
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      assertThat(db.query(QueryRequest.of("contains \"new\"!(_)")).stats().matched()).isEqualTo(1);
      QueryResult old = db.query(QueryRequest.of("contains \"old\"!(_)"));
      assertThat(old.stats().prunedByIndex()).isEqualTo(1);
    }
  }

  @Test
  void crashDuringARemovalFinishesTheRemoval() throws IOException {
    ProcessRecord a = prepare("a.rho", "@\"a\"!(1)");
    ProcessRecord b = prepare("b.rho", "@\"b\"!(1)");
    try (ProcessDatabase db = ProcessDatabase.open(db())) {
      db.index(
          List.of(Path.of(a.path()), Path.of(b.path())),
          IndexOptions.defaults(),
          IndexProgress.NONE);
    }
    long ida;
    long idb;
    try (CatalogFile file = CatalogFile.open(db())) {
      ProcessStore c = new ProcessStore(file);
      ida = c.byIdentity(a.identity()).orElseThrow().id();
      idb = c.byIdentity(b.identity()).orElseThrow().id();
      c.setStatus(List.of(ida), ProcessStore.Status.REMOVING);
      // crash: the Lucene document is still there
    }
    assertConsistent(Map.of(idb, b.fingerprint()));
  }

  @Test
  void aLuceneDocumentWithoutACatalogRowIsDropped() throws IOException {
    ProcessRecord a = prepare("a.rho", "@\"a\"!(1)");
    try (FeatureIndex index = FeatureIndex.open(db().resolve("lucene"))) {
      index.put(a.withId(42));
      index.commit();
    }
    assertConsistent(Map.of());
  }
}
