package rhoscope.lang.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared third-party Rholang corpus, read in place (never copied into the repository). */
final class RholangCorpus {
  static final Path ROOT = Path.of("..", "..", "shared", "corpus", "rholang");

  private RholangCorpus() {}

  /** Every {@code .rho} file the reference grammar accepts; skips the test when absent. */
  static List<Path> accepted() {
    return files("rchain");
  }

  /** Every {@code .rho} file the reference grammar rejects; skips the test when absent. */
  static List<Path> rejected() {
    return files("rejected");
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(String part) {
    Path dir = ROOT.resolve(part);
    assumeTrue(
        Files.isDirectory(dir),
        "Rholang corpus not found at " + dir.toAbsolutePath().normalize() + "; skipping");
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".rho")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
