package rhoscope.indexer.catalog;

import java.util.List;

/**
 * The catalog's schema as a list of forward steps; step {@code i} takes the schema from version
 * {@code i} to {@code i + 1}. Steps are append-only: a released step is never edited, a change is a
 * new step, so every older database can be carried forward on open.
 */
final class Migrations {
  private Migrations() {}

  static final List<List<String>> STEPS =
      List.of(
          // 0 -> 1: processes and their import warnings.
          List.of(
              """
              CREATE TABLE processes (
                id BIGINT AUTO_INCREMENT PRIMARY KEY,
                path VARCHAR(4096) NOT NULL UNIQUE,
                name VARCHAR(1024) NOT NULL,
                dataset VARCHAR(256) NOT NULL,
                format VARCHAR(16) NOT NULL,
                semantics VARCHAR(64) NOT NULL,
                source CLOB NOT NULL,
                fingerprint VARCHAR(64) NOT NULL,
                ingested_at TIMESTAMP WITH TIME ZONE NOT NULL,
                status VARCHAR(16) NOT NULL)\
              """,
              """
              CREATE TABLE warnings (
                process_id BIGINT NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
                seq INT NOT NULL,
                message VARCHAR(4096) NOT NULL,
                PRIMARY KEY (process_id, seq))\
              """),
          // 1 -> 2: behavioural features.
          List.of(
              """
              CREATE TABLE features (
                process_id BIGINT PRIMARY KEY REFERENCES processes(id) ON DELETE CASCADE,
                explored BOOLEAN NOT NULL,
                complete BOOLEAN NOT NULL,
                state_count BIGINT NOT NULL,
                transitions BIGINT NOT NULL,
                explore_millis BIGINT NOT NULL,
                note VARCHAR(4096) NOT NULL,
                deadlock BOOLEAN NOT NULL,
                terminal BOOLEAN NOT NULL,
                computes_strings BOOLEAN NOT NULL,
                linear_receive BOOLEAN NOT NULL)\
              """,
              """
              CREATE TABLE feature_values (
                process_id BIGINT NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
                field VARCHAR(32) NOT NULL,
                seq INT NOT NULL,
                val VARCHAR NOT NULL,
                PRIMARY KEY (process_id, field, seq))\
              """,
              """
              CREATE TABLE channels (
                process_id BIGINT NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
                label VARCHAR(4096) NOT NULL,
                kind VARCHAR(16) NOT NULL,
                sends INT NOT NULL,
                persistent_sends INT NOT NULL,
                linear_receives INT NOT NULL,
                persistent_receives INT NOT NULL,
                peeks INT NOT NULL,
                send_repeated BOOLEAN NOT NULL,
                receive_repeated BOOLEAN NOT NULL,
                PRIMARY KEY (process_id, label, kind))\
              """),
          // 2 -> 3: the verdict cache, keyed by process fingerprint and normalised type.
          List.of(
              """
              CREATE TABLE verdicts (
                fingerprint VARCHAR(64) NOT NULL,
                type_hash VARCHAR(64) NOT NULL,
                type_key CLOB NOT NULL,
                verdict VARCHAR(16) NOT NULL,
                reason VARCHAR(4096) NOT NULL,
                witness CLOB NOT NULL,
                millis BIGINT NOT NULL,
                checked_at TIMESTAMP WITH TIME ZONE NOT NULL,
                PRIMARY KEY (fingerprint, type_hash))\
              """,
              "CREATE INDEX processes_dataset ON processes(dataset)"),
          // 3 -> 4: cached verdicts in the engine's vocabulary (YES / NO) instead of the indexer's
          // former HOLDS / FAILS; anything else (never written, UNKNOWN is not cached) is dropped.
          List.of(
              "UPDATE verdicts SET verdict = 'YES' WHERE verdict = 'HOLDS'",
              "UPDATE verdicts SET verdict = 'NO' WHERE verdict = 'FAILS'",
              "DELETE FROM verdicts WHERE verdict NOT IN ('YES', 'NO')"),
          // 4 -> 5: a process is identified by path, dataset and import options (semantics with
          // its --set overrides), no longer by path alone, so that one file can be kept under two
          // datasets or two sets of options. The path's own UNIQUE constraint has a generated name,
          // so the column is moved to a new one and dropped (which drops the constraint with it).
          // semantics is widened: with overrides it is no longer a short label.
          List.of(
              "ALTER TABLE processes ADD COLUMN source_path VARCHAR(4096)",
              "UPDATE processes SET source_path = path",
              "ALTER TABLE processes DROP COLUMN path",
              "ALTER TABLE processes ALTER COLUMN source_path RENAME TO path",
              "ALTER TABLE processes ALTER COLUMN path SET NOT NULL",
              "ALTER TABLE processes ALTER COLUMN semantics SET DATA TYPE VARCHAR(4096)",
              "ALTER TABLE processes ADD CONSTRAINT processes_identity"
                  + " UNIQUE (path, dataset, semantics)"),
          // 5 -> 6: what was derived by running the engine records the engine semantics version
          // (rhoscope.engine.EngineSemantics.VERSION) it was derived under, and is stale under
          // another: a process's features (re-derived on open) and a cached verdict (never
          // served, and part of the cache's key). Rows from before have 0, the semantics of
          // before versioning (select fired only its first satisfiable branch), so every one is
          // stale. The defaults exist only to fill those rows: every write names the version.
          List.of(
              "ALTER TABLE processes ADD COLUMN semantics_version INT NOT NULL DEFAULT 0",
              "ALTER TABLE processes ALTER COLUMN semantics_version DROP DEFAULT",
              "ALTER TABLE verdicts ADD COLUMN semantics_version INT NOT NULL DEFAULT 0",
              "ALTER TABLE verdicts ALTER COLUMN semantics_version DROP DEFAULT",
              "ALTER TABLE verdicts DROP PRIMARY KEY",
              "ALTER TABLE verdicts ADD CONSTRAINT verdicts_key"
                  + " PRIMARY KEY (fingerprint, type_hash, semantics_version)"),
          // 6 -> 7: a cached verdict records how it was reached (an engine Method name): by
          // exploring, or from the presence closure of a boolean SBML model. Every verdict cached
          // before was reached by exploring; the default exists only to say so.
          List.of(
              "ALTER TABLE verdicts ADD COLUMN method VARCHAR(16) NOT NULL DEFAULT 'EXPLORE'",
              "ALTER TABLE verdicts ALTER COLUMN method DROP DEFAULT"),
          // 7 -> 8: a cached verdict records whether it was reached on a partial-order reduction
          // (an engine Reduction name, which its state count depends on). Every verdict cached
          // before took every interleaving; the default exists only to say so.
          List.of(
              "ALTER TABLE verdicts ADD COLUMN reduction VARCHAR(16) NOT NULL DEFAULT 'NONE'",
              "ALTER TABLE verdicts ALTER COLUMN reduction DROP DEFAULT"));

  static int latest() {
    return STEPS.size();
  }
}
