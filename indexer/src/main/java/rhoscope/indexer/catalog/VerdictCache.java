package rhoscope.indexer.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import rhoscope.engine.EngineSemantics;

/**
 * The verdict cache of one shard's catalog, keyed by process fingerprint, normalised type and the
 * engine semantics version the verdict was reached under: a verdict of another version is never
 * served, since the same process may have other states and other verdicts now. The type key of
 * an unknown verdict also names the bounds it was reached under (see {@code
 * ProcessDatabase.query}), so that only the same bounds reuse it and a larger bound looks again.
 */
public final class VerdictCache {
  private final CatalogFile db;
  private final int semanticsVersion;

  /** The cache of {@code db} for the running engine's semantics. */
  public VerdictCache(CatalogFile db) {
    this(db, EngineSemantics.VERSION);
  }

  /** The cache of {@code db} for {@code semanticsVersion}; for tests. */
  VerdictCache(CatalogFile db, int semanticsVersion) {
    this.db = db;
    this.semanticsVersion = semanticsVersion;
  }

  /** The cached verdict for a process fingerprint and a normalised type, if any. */
  public Optional<CachedVerdict> get(String fingerprint, String typeKey) {
    return db.read(
        "read verdict cache",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT verdict, reason, witness, millis, method, reduction FROM verdicts"
                      + " WHERE fingerprint=? AND type_hash=? AND semantics_version=?")) {
            ps.setString(1, fingerprint);
            ps.setString(2, sha256(typeKey));
            ps.setInt(3, semanticsVersion);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new CachedVerdict(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getLong(4),
                          rs.getString(5),
                          rs.getString(6)))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Every verdict cached for a process fingerprint under the running semantics, by the type key
   * it was cached under: what moves with the process to another database.
   */
  public Map<String, CachedVerdict> forFingerprint(String fingerprint) {
    return db.read(
        "read verdicts of a process",
        c -> {
          Map<String, CachedVerdict> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT type_key, verdict, reason, witness, millis, method, reduction"
                      + " FROM verdicts WHERE fingerprint=? AND semantics_version=?"
                      + " ORDER BY type_hash")) {
            ps.setString(1, fingerprint);
            ps.setInt(2, semanticsVersion);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString(1),
                    new CachedVerdict(
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7)));
              }
            }
          }
          return out;
        });
  }

  /** Stores (or replaces) a verdict in the cache. */
  public void put(String fingerprint, String typeKey, CachedVerdict v) {
    db.read(
        "write verdict cache",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "MERGE INTO verdicts (fingerprint, type_hash, semantics_version, type_key,"
                      + " verdict, reason, witness, millis, checked_at, method, reduction)"
                      + " KEY (fingerprint, type_hash, semantics_version)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, fingerprint);
            ps.setString(2, sha256(typeKey));
            ps.setInt(3, semanticsVersion);
            ps.setString(4, typeKey);
            ps.setString(5, v.verdict());
            ps.setString(6, CatalogFile.truncate(v.reason()));
            ps.setString(7, v.witness());
            ps.setLong(8, v.millis());
            ps.setTimestamp(9, Timestamp.from(Instant.now()));
            ps.setString(10, v.method());
            ps.setString(11, v.reduction());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Deletes the verdicts reached under other engine semantics versions (never served, they only
   * take room); returns how many there were.
   */
  public int dropOtherSemantics() {
    return db.read(
        "drop verdicts of other engine semantics",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM verdicts WHERE semantics_version <> ?")) {
            ps.setInt(1, semanticsVersion);
            return ps.executeUpdate();
          }
        });
  }

  /** Empties the verdict cache (for benchmarks that measure cold queries). */
  public void clear() {
    db.read(
        "clear verdict cache",
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM verdicts");
          }
          return null;
        });
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
