package rhoscope.server;

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
 * The server is compiled on the class path, as the indexer it depends on must be (JSBML's jars
 * split packages), so no module declaration guards the layers below it: this test does. The
 * server uses the engine's and the language's exported packages, and of the indexer everything but
 * its search internals (the Lucene index and the query planner), which only the indexer's facade
 * drives.
 */
class ModuleBoundaryTest {
  private static final List<String> INTERNAL =
      List.of(
          "rhoscope.engine.state",
          "rhoscope.engine.reduce",
          "rhoscope.engine.internal",
          "rhoscope.lang.parse.grammar",
          "rhoscope.indexer.lucene",
          "rhoscope.indexer.plan");

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?(rhoscope(?:\\.[a-z]\\w*)+)\\.", Pattern.MULTILINE);

  @Test
  void theServerUsesOnlyTheFacadesOfTheModulesBelowIt() throws IOException {
    Path root = Path.of("src/main/java");
    assertThat(root).as("sources read from the module folder").isDirectory();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String pkg = m.group(1);
          if (INTERNAL.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) {
            found.add(root.relativize(f) + ": " + pkg);
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
