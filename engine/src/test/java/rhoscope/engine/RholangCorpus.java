package rhoscope.engine;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Rholang files of the shared corpus, for tests that read it in place. */
public final class RholangCorpus {
  private static final Path ROOT = Path.of("..", "..", "shared", "corpus", "rholang");

  private RholangCorpus() {}

  /** Every {@code .rho} file, sorted; the calling test is skipped, saying why, without a corpus. */
  public static List<Path> files() throws IOException {
    assumeThat(Files.isDirectory(ROOT))
        .as("the shared corpus is not at %s; skipping", ROOT.toAbsolutePath()).isTrue();
    try (Stream<Path> walk = Files.walk(ROOT)) {
      return walk.filter(p -> p.toString().endsWith(".rho")).sorted().toList();
    }
  }
}
