package rhoscope.indexer.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import rhoscope.indexer.catalog.ProcessFormat;

/**
 * Content fingerprints: what was translated (format, SBML semantics, the text) and the version of
 * the features extracted from it, hashed. Equal fingerprints mean re-ingesting is a no-op; the
 * verdict cache is keyed by them, so a verdict survives renames and moves of a file.
 */
public final class Fingerprints {
  /** Bump when feature extraction changes, so that every process is re-indexed once. */
  static final int FEATURES_VERSION = 1;

  private Fingerprints() {}

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
