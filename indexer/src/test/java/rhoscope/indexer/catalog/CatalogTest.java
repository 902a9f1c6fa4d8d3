package rhoscope.indexer.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.analysis.StaticAnalysis;
import rhoscope.indexer.features.ExplorationFeatures;
import rhoscope.indexer.features.ProcessFeatures;
import rhoscope.lang.parse.ProcessParser;

class CatalogTest {
  @TempDir Path dir;

  static ProcessRecord record(String path, String source, String fingerprint) {
    var statics = StaticAnalysis.of(ProcessParser.parse(path, source).process());
    var exploration =
        new ExplorationFeatures(
            true,
            true,
            3,
            2,
            5,
            "",
            new TreeSet<>(List.of("\"a\"")),
            new TreeSet<>(List.of("\"a\"")),
            new TreeSet<>(List.of("\"a\"")),
            new TreeSet<>(),
            false,
            true);
    return new ProcessRecord(
        0,
        path,
        Path.of(path).getFileName().toString(),
        "test",
        ProcessFormat.RHOLANG,
        "",
        source,
        fingerprint,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        List.of("a warning"),
        new ProcessFeatures(statics, exploration));
  }

  @Test
  void aNewCatalogIsAtTheLatestSchemaVersion() {
    try (Catalog c = Catalog.open(dir)) {
      assertThat(c.schemaVersion()).isEqualTo(Migrations.latest());
    }
  }

  @Test
  void anOlderSchemaIsMigratedForwardOnOpenKeepingItsData() {
    try (Catalog c = Catalog.open(dir, 2)) {
      assertThat(c.schemaVersion()).isEqualTo(2);
      c.putPending(record("/x/a.rho", "@\"a\"!(1) | for (_ <- @\"a\") { Nil }", "f1"));
    }
    try (Catalog c = Catalog.open(dir)) {
      assertThat(c.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(c.list()).extracting(ProcessSummary::path).containsExactly("/x/a.rho");
      c.putVerdict("f1", "T", new CachedVerdict("YES", "", "", 1));
      assertThat(c.verdict("f1", "T")).isPresent();
    }
  }

  @Test
  void cachedVerdictsOfTheOldVocabularyAreRewrittenToTheEngines() {
    try (Catalog c = Catalog.open(dir, 3)) {
      c.putVerdict("f1", "T", new CachedVerdict("HOLDS", "", "", 1));
      c.putVerdict("f2", "T", new CachedVerdict("FAILS", "", "x\ty\tz\nend", 2));
      c.putVerdict("f3", "T", new CachedVerdict("SOMETHING", "", "", 3));
    }
    try (Catalog c = Catalog.open(dir)) {
      assertThat(c.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(c.verdict("f1", "T")).contains(new CachedVerdict("YES", "", "", 1));
      assertThat(c.verdict("f2", "T")).contains(new CachedVerdict("NO", "", "x\ty\tz\nend", 2));
      assertThat(c.verdict("f3", "T")).isEmpty();
    }
  }

  static ProcessRecord in(ProcessRecord r, String dataset, String semantics) {
    return new ProcessRecord(
        r.id(),
        r.path(),
        r.name(),
        dataset,
        r.format(),
        semantics,
        r.source(),
        r.fingerprint(),
        r.ingestedAt(),
        r.warnings(),
        r.features());
  }

  @Test
  void processesKeyedByPathAloneAreMigratedToPathDatasetAndImportOptions() {
    long old;
    try (Catalog c = Catalog.open(dir, 4)) {
      old = c.putPending(record("/x/m.xml", "@\"a\"!(1)", "f1"));
      c.setStatus(List.of(old), Catalog.Status.DONE);
      assertThatThrownBy(() -> c.putPending(in(record("/x/m.xml", "@\"a\"!(1)", "f1"), "ko", "")))
          .as("schema 4 allows one row per path")
          .isInstanceOf(CatalogException.class);
    }
    try (Catalog c = Catalog.open(dir)) {
      assertThat(c.schemaVersion()).isEqualTo(Migrations.latest());
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
          .map(Catalog.PathEntry::fingerprint)
          .contains("f2");
    }
  }

  @Test
  void aCatalogFromANewerRhoscopeIsRefusedNamingItsFile() throws Exception {
    Catalog.open(dir).close();
    try (var conn =
            DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("catalog"));
        Statement s = conn.createStatement()) {
      s.execute("UPDATE schema_version SET version = 99");
    }
    assertThatThrownBy(() -> Catalog.open(dir))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("catalog.mv.db")
        .hasMessageContaining("99");
  }

  @Test
  void storedProcessesReadBackWithFeaturesAndWarnings() {
    ProcessRecord r = record("/x/b.rho", "new x in { for (_ <- x) { @\"y\"!(1) } | x!(0) }", "f2");
    try (Catalog c = Catalog.open(dir)) {
      long id = c.putPending(r);
      ProcessRecord back = c.get(id).orElseThrow();
      assertThat(back).isEqualTo(r.withId(id));
      assertThat(c.idsWithStatus(Catalog.Status.PENDING)).containsExactly(id);
      c.setStatus(List.of(id), Catalog.Status.DONE);
      assertThat(c.idsWithStatus(Catalog.Status.PENDING)).isEmpty();
    }
  }

  @Test
  void replacingAPathKeepsItsIdAndDropsTheOldFeatures() {
    try (Catalog c = Catalog.open(dir)) {
      long id = c.putPending(record("/x/c.rho", "@\"old\"!(1)", "f3"));
      long again = c.putPending(record("/x/c.rho", "@\"new\"!(1)", "f4"));
      assertThat(again).isEqualTo(id);
      ProcessRecord back = c.get(id).orElseThrow();
      assertThat(back.fingerprint()).isEqualTo("f4");
      assertThat(back.features().statics().freeNames()).containsExactly("\"new\"");
      assertThat(c.byIdentity(new ProcessIdentity("/x/c.rho", "test", "")).orElseThrow())
          .extracting(Catalog.PathEntry::fingerprint)
          .isEqualTo("f4");
    }
  }

  @Test
  void verdictsAreKeyedByFingerprintAndType() {
    try (Catalog c = Catalog.open(dir)) {
      c.putVerdict("fp", "eventually true", new CachedVerdict("YES", "why", "a\tb\tc\nend", 7));
      assertThat(c.verdict("fp", "eventually true"))
          .contains(new CachedVerdict("YES", "why", "a\tb\tc\nend", 7));
      assertThat(c.verdict("fp", "eventually false")).isEmpty();
      assertThat(c.verdict("other", "eventually true")).isEmpty();
      c.clearVerdicts();
      assertThat(c.verdict("fp", "eventually true")).isEmpty();
    }
  }
}
