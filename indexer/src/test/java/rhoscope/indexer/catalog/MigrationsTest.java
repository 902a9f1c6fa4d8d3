package rhoscope.indexer.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rhoscope.indexer.catalog.TestRecords.in;
import static rhoscope.indexer.catalog.TestRecords.insertBeforeSchema6;
import static rhoscope.indexer.catalog.TestRecords.insertVerdictBeforeSchema6;
import static rhoscope.indexer.catalog.TestRecords.insertVerdictBeforeSchema7;
import static rhoscope.indexer.catalog.TestRecords.insertVerdictBeforeSchema8;
import static rhoscope.indexer.catalog.TestRecords.record;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.EngineSemantics;

class MigrationsTest {
  @TempDir Path dir;

  @Test
  void aNewCatalogIsAtTheLatestSchemaVersion() {
    try (CatalogFile c = CatalogFile.open(dir)) {
      assertThat(c.schemaVersion()).isEqualTo(Migrations.latest());
    }
  }

  @Test
  void anOlderSchemaIsMigratedForwardOnOpenKeepingItsData() {
    try (CatalogFile db = CatalogFile.open(dir, 2)) {
      assertThat(db.schemaVersion()).isEqualTo(2);
      insertBeforeSchema6(db, record("/x/a.rho", "@\"a\"!(1) | for (_ <- @\"a\") { Nil }", "f1"));
    }
    try (CatalogFile db = CatalogFile.open(dir)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(new ProcessStore(db).list())
          .extracting(ProcessSummary::path)
          .containsExactly("/x/a.rho");
      VerdictCache verdicts = new VerdictCache(db);
      verdicts.put("f1", "T", new CachedVerdict("YES", "", "", 1, "EXPLORE"));
      assertThat(verdicts.get("f1", "T")).isPresent();
    }
  }

  @Test
  void cachedVerdictsOfTheOldVocabularyAreRewrittenToTheEngines() {
    try (CatalogFile db = CatalogFile.open(dir, 3)) {
      insertVerdictBeforeSchema6(db, "f1", "T", new CachedVerdict("HOLDS", "", "", 1, "-"));
      insertVerdictBeforeSchema6(
          db, "f2", "T", new CachedVerdict("FAILS", "", "x\ty\tz\nend", 2, "-"));
      insertVerdictBeforeSchema6(db, "f3", "T", new CachedVerdict("SOMETHING", "", "", 3, "-"));
    }
    try (CatalogFile db = CatalogFile.open(dir)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latest());
      // carried forward as reached before engine semantics were versioned
      VerdictCache before = new VerdictCache(db, 0);
      assertThat(before.get("f1", "T")).contains(new CachedVerdict("YES", "", "", 1, "EXPLORE"));
      assertThat(before.get("f2", "T"))
          .contains(new CachedVerdict("NO", "", "x\ty\tz\nend", 2, "EXPLORE"));
      assertThat(before.get("f3", "T")).isEmpty();
    }
  }

  @Test
  void processesKeyedByPathAloneAreMigratedToPathDatasetAndImportOptions() {
    long old;
    try (CatalogFile db = CatalogFile.open(dir, 4)) {
      old = insertBeforeSchema6(db, record("/x/m.xml", "@\"a\"!(1)", "f1"));
      assertThatThrownBy(
              () -> insertBeforeSchema6(db, in(record("/x/m.xml", "@\"a\"!(1)", "f1"), "ko", "")))
          .as("schema 4 allows one row per path")
          .isInstanceOf(CatalogException.class);
    }
    try (CatalogFile db = CatalogFile.open(dir)) {
      ProcessStore c = new ProcessStore(db);
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(c.list())
          .extracting(ProcessSummary::id, ProcessSummary::path, ProcessSummary::dataset)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(old, "/x/m.xml", "test"));
      assertThat(c.byIdentity(new ProcessIdentity("/x/m.xml", "test", "")).orElseThrow().id())
          .isEqualTo(old);
      String longOptions = "counts:3 " + "E".repeat(100) + "=0";
      long ko = c.putPending(in(record("/x/m.xml", "@\"a\"!(1)", "f2"), "ko", "boolean E1=0"));
      long counts = c.putPending(in(record("/x/m.xml", "@\"a\"!(1)", "f3"), "test", longOptions));
      long same = c.putPending(in(record("/x/m.xml", "@\"b\"!(1)", "f4"), "test", ""));
      assertThat(ko).isNotEqualTo(old);
      assertThat(counts).isNotIn(old, ko);
      assertThat(same).isEqualTo(old);
      assertThat(c.list()).hasSize(3);
      assertThat(c.get(counts).orElseThrow().semantics()).isEqualTo(longOptions);
      assertThat(c.byIdentity(new ProcessIdentity("/x/m.xml", "ko", "boolean E1=0")))
          .map(ProcessStore.PathEntry::fingerprint)
          .contains("f2");
    }
  }

  @Test
  void schema5RowsAreCarriedForwardAsDerivedBeforeEngineSemanticsWereVersioned() {
    ProcessRecord r = record("/x/p.rho", "@\"a\"!(1) | for (_ <- @\"a\") { Nil }", "fp");
    long id;
    try (CatalogFile db = CatalogFile.open(dir, 5)) {
      id = insertBeforeSchema6(db, r);
      insertVerdictBeforeSchema6(db, "fp", "T", new CachedVerdict("NO", "old select", "", 4, "-"));
    }
    try (CatalogFile db = CatalogFile.open(dir)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latest());
      ProcessStore processes = new ProcessStore(db);
      assertThat(processes.get(id)).contains(r.withId(id));
      assertThat(processes.byIdentity(r.identity()).orElseThrow())
          .isEqualTo(new ProcessStore.PathEntry(id, "fp", 0, ProcessStore.Status.DONE));
      assertThat(processes.derivedUnderOtherSemantics()).isEqualTo(Map.of(0, List.of(id)));
      assertThat(new VerdictCache(db, 0).get("fp", "T"))
          .contains(new CachedVerdict("NO", "old select", "", 4, "EXPLORE"));
      VerdictCache verdicts = new VerdictCache(db);
      assertThat(verdicts.get("fp", "T")).as("served under " + EngineSemantics.VERSION).isEmpty();
      verdicts.put("fp", "T", new CachedVerdict("YES", "", "", 5, "EXPLORE"));
      assertThat(verdicts.get("fp", "T")).contains(new CachedVerdict("YES", "", "", 5, "EXPLORE"));
    }
  }

  @Test
  void schema6VerdictsAreCarriedForwardAsReachedByExploring() {
    try (CatalogFile db = CatalogFile.open(dir, 6)) {
      insertVerdictBeforeSchema7(db, "fp", "T", new CachedVerdict("NO", "no state", "", 3, "-"));
    }
    try (CatalogFile db = CatalogFile.open(dir)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(new VerdictCache(db).get("fp", "T"))
          .contains(new CachedVerdict("NO", "no state", "", 3, "EXPLORE"));
    }
  }

  @Test
  void schema7VerdictsAreCarriedForwardAsReachedOnEveryInterleaving() {
    try (CatalogFile db = CatalogFile.open(dir, 7)) {
      insertVerdictBeforeSchema8(
          db, "fp", "T", new CachedVerdict("YES", "a state", "", 2, "EXPLORE", "-"));
    }
    try (CatalogFile db = CatalogFile.open(dir)) {
      assertThat(db.schemaVersion()).isEqualTo(8).isEqualTo(Migrations.latest());
      assertThat(new VerdictCache(db).get("fp", "T"))
          .contains(new CachedVerdict("YES", "a state", "", 2, "EXPLORE", "NONE"));
      new VerdictCache(db).put("fp", "U", new CachedVerdict("NO", "", "", 1, "EXPLORE", "POR"));
      assertThat(new VerdictCache(db).get("fp", "U")).map(CachedVerdict::reduction)
          .contains("POR");
    }
  }

  @Test
  void aCatalogFromANewerRhoscopeIsRefusedNamingItsFile() throws Exception {
    CatalogFile.open(dir).close();
    try (var conn =
            DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("catalog"));
        Statement s = conn.createStatement()) {
      s.execute("UPDATE schema_version SET version = 99");
    }
    assertThatThrownBy(() -> CatalogFile.open(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("catalog.mv.db")
        .hasMessageContaining("99");
  }
}
