package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.indexer.catalog.CatalogFile;
import rhoscope.indexer.catalog.ProcessStore;

/**
 * A write that has been acknowledged is on disk in its final state: a process that dies as by
 * kill -9 right after {@code index} returned leaves its row {@code DONE}, so reopening needs no
 * repair to serve it. H2 delays writing a commit by half a second unless told not to, which
 * once left acknowledged rows {@code PENDING} after a kill -9 (4 trials in 7).
 */
class AcknowledgedWriteTest {

  @Test
  void aWriteAcknowledgedJustBeforeTheProcessDiesIsDoneOnDisk(@TempDir Path tmp) throws Exception {
    Path db = tmp.resolve("db");
    Path source = tmp.resolve("ping.rho");
    Files.writeString(source, "new x in { x!(1) | for (y <- x) { Nil } }");

    Process child = startProbe(db, source);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("the probe's acknowledgement").isEqualTo("ACK 1");
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    try (CatalogFile catalog = CatalogFile.open(db)) {
      ProcessStore store = new ProcessStore(catalog);
      assertThat(store.idsWithStatus(ProcessStore.Status.PENDING)).isEmpty();
      assertThat(store.idsWithStatus(ProcessStore.Status.DONE)).hasSize(1);
    }
    try (ProcessDatabase reopened = ProcessDatabase.open(db, 1)) {
      assertThat(reopened.list()).hasSize(1);
    }
  }

  private static Process startProbe(Path db, Path source) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String path = System.getProperty("java.class.path") + File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    return new ProcessBuilder(
            java, "-Xmx256m", "-cp", path, AcknowledgedWriteProbe.class.getName(),
            db.toString(), source.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
