package rhoscope.indexer.catalog;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;
import rhoscope.engine.analysis.StaticAnalysis;
import rhoscope.indexer.features.ExplorationFeatures;
import rhoscope.indexer.features.ProcessFeatures;
import rhoscope.lang.parse.ProcessParser;

/**
 * Records for the catalog's tests, and rows written as older schemas had them (the stores of
 * today write columns those schemas lack).
 */
final class TestRecords {
  private TestRecords() {}

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

  /** Inserts a process, done, as schemas 2 to 5 stored it; returns its id. */
  static long insertBeforeSchema6(CatalogFile db, ProcessRecord r) {
    return db.transaction(
        "insert a schema-5 process",
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO processes (path, name, dataset, format, semantics, source,"
                      + " fingerprint, ingested_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DONE')",
                  PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.path());
            ps.setString(2, r.name());
            ps.setString(3, r.dataset());
            ps.setString(4, r.format().name());
            ps.setString(5, r.semantics());
            ps.setString(6, r.source());
            ps.setString(7, r.fingerprint());
            ps.setTimestamp(8, Timestamp.from(r.ingestedAt()));
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO warnings (process_id, seq, message) VALUES (?, ?, ?)")) {
            for (int i = 0; i < r.warnings().size(); i++) {
              ps.setLong(1, id);
              ps.setInt(2, i);
              ps.setString(3, r.warnings().get(i));
              ps.executeUpdate();
            }
          }
          FeatureRows.write(c, id, r.features());
          return id;
        });
  }

  /** Inserts a cached verdict as schemas 3 to 5 stored it. */
  static void insertVerdictBeforeSchema6(
      CatalogFile db, String fingerprint, String typeKey, CachedVerdict v) {
    db.read(
        "insert a schema-5 verdict",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO verdicts (fingerprint, type_hash, type_key, verdict, reason,"
                      + " witness, millis, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, fingerprint);
            ps.setString(2, VerdictCache.sha256(typeKey));
            ps.setString(3, typeKey);
            ps.setString(4, v.verdict());
            ps.setString(5, v.reason());
            ps.setString(6, v.witness());
            ps.setLong(7, v.millis());
            ps.setTimestamp(8, Timestamp.from(Instant.now()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** A verdict row as schema 6 had it: without the method, under the running engine semantics. */
  static void insertVerdictBeforeSchema7(
      CatalogFile db, String fingerprint, String typeKey, CachedVerdict v) {
    db.read(
        "insert a schema-6 verdict",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO verdicts (fingerprint, type_hash, semantics_version, type_key,"
                      + " verdict, reason, witness, millis, checked_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, fingerprint);
            ps.setString(2, VerdictCache.sha256(typeKey));
            ps.setInt(3, rhoscope.engine.EngineSemantics.VERSION);
            ps.setString(4, typeKey);
            ps.setString(5, v.verdict());
            ps.setString(6, v.reason());
            ps.setString(7, v.witness());
            ps.setLong(8, v.millis());
            ps.setTimestamp(9, Timestamp.from(Instant.now()));
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** A verdict as schema 7 wrote it: with its method, without its reduction. */
  static void insertVerdictBeforeSchema8(
      CatalogFile db, String fingerprint, String typeKey, CachedVerdict v) {
    db.read(
        "insert a schema-7 verdict",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO verdicts (fingerprint, type_hash, semantics_version, type_key,"
                      + " verdict, reason, witness, millis, checked_at, method)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, fingerprint);
            ps.setString(2, VerdictCache.sha256(typeKey));
            ps.setInt(3, rhoscope.engine.EngineSemantics.VERSION);
            ps.setString(4, typeKey);
            ps.setString(5, v.verdict());
            ps.setString(6, v.reason());
            ps.setString(7, v.witness());
            ps.setLong(8, v.millis());
            ps.setTimestamp(9, Timestamp.from(Instant.now()));
            ps.setString(10, v.method());
            ps.executeUpdate();
          }
          return null;
        });
  }
}
