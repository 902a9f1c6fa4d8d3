package rhoscope.indexer.catalog;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    insertVerdictAsSchema(5, db, fingerprint, typeKey, v);
  }

  /** A verdict row as schema 6 had it: without the method, under the running engine semantics. */
  static void insertVerdictBeforeSchema7(
      CatalogFile db, String fingerprint, String typeKey, CachedVerdict v) {
    insertVerdictAsSchema(6, db, fingerprint, typeKey, v);
  }

  /** A verdict as schema 7 wrote it: with its method, without its reduction. */
  static void insertVerdictBeforeSchema8(
      CatalogFile db, String fingerprint, String typeKey, CachedVerdict v) {
    insertVerdictAsSchema(7, db, fingerprint, typeKey, v);
  }

  /**
   * A verdict row with the columns {@code schema} had: schema 6 added the engine semantics
   * version, 7 the method (and 8 the reduction, which no row written here has).
   */
  private static void insertVerdictAsSchema(
      int schema, CatalogFile db, String fingerprint, String typeKey, CachedVerdict v) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("fingerprint", fingerprint);
    columns.put("type_hash", VerdictCache.sha256(typeKey));
    if (schema >= 6) {
      columns.put("semantics_version", rhoscope.engine.EngineSemantics.VERSION);
    }
    columns.put("type_key", typeKey);
    columns.put("verdict", v.verdict());
    columns.put("reason", v.reason());
    columns.put("witness", v.witness());
    columns.put("millis", v.millis());
    columns.put("checked_at", Timestamp.from(Instant.now()));
    if (schema >= 7) {
      columns.put("method", v.method());
    }
    String sql =
        "INSERT INTO verdicts (" + String.join(", ", columns.keySet()) + ") VALUES ("
            + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    db.read(
        "insert a schema-" + schema + " verdict",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : columns.values()) {
              ps.setObject(i++, value);
            }
            ps.executeUpdate();
          }
          return null;
        });
  }
}
