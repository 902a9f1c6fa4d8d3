package rhoscope.indexer.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import rhoscope.engine.EngineSemantics;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.catalog.ProcessStore;

/**
 * Content fingerprints: what was translated (format, SBML semantics, the text) and the version of
 * the features extracted from it, hashed. The verdict cache is keyed by them, so a verdict
 * survives renames and moves of a file.
 *
 * <p>What the engine derives from that content (features, verdicts) also depends on the engine's
 * behaviour, {@link rhoscope.engine.EngineSemantics#VERSION}, which the catalog stores beside the
 * fingerprint rather than inside it: an upgrade then finds the stale rows by that column and
 * re-derives them in place, instead of leaving unreachable ones behind. Re-ingesting is a no-op
 * only when both the fingerprint and the stored semantics version are current ({@link
 * #current}).
 */
public final class Fingerprints {
  /** Bump when feature extraction changes, so that every process is re-indexed once. */
  static final int FEATURES_VERSION = 1;

  private Fingerprints() {}

  /** Whether a stored row needs no re-ingest: same content, derived under today's engine. */
  public static boolean current(ProcessStore.PathEntry stored, String fingerprint) {
    return stored.fingerprint().equals(fingerprint)
        && stored.semanticsVersion() == EngineSemantics.VERSION;
  }

  public static String of(ProcessFormat format, String semantics, String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String header = format.name() + "\n" + semantics + "\n" + FEATURES_VERSION + "\n";
      md.update(header.getBytes(StandardCharsets.UTF_8));
      md.update(text.getBytes(StandardCharsets.UTF_8));
      // 128 bits: collisions are out of reach for any database of processes.
      return HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
