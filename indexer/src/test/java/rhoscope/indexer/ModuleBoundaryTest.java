package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The indexer is compiled on the class path (JSBML's jars split packages, so it cannot be a named
 * module), where the engine's and the language's module declarations do not guard their
 * internals: this test does. The indexer may use only what those modules export.
 */
class ModuleBoundaryTest {
  /** Packages of other modules that their module-info does not export. */
  static final List<String> INTERNAL =
      List.of(
          "rhoscope.engine.state",
          "rhoscope.engine.reduce",
          "rhoscope.engine.internal",
          "rhoscope.lang.parse.grammar");

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?(rhoscope(?:\\.[a-z]\\w*)+)\\.", Pattern.MULTILINE);

  @Test
  void theIndexerUsesOnlyTheExportedPackagesOfTheEngineAndTheLanguage() throws IOException {
    assertThat(importsOf(Path.of("src/main/java"), INTERNAL)).isEmpty();
  }

  /** Every {@code file: package} where a source under {@code root} imports a listed package. */
  static List<String> importsOf(Path root, List<String> forbidden) throws IOException {
    assertThat(root).as("sources read from the module folder").isDirectory();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String pkg = m.group(1);
          if (forbidden.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) {
            found.add(root.relativize(f) + ": " + pkg);
          }
        }
      }
    }
    return found;
  }
}
