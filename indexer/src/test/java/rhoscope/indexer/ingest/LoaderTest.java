package rhoscope.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {

  @Test
  void readsUtf8Text(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("a.rho");
    Files.writeString(f, "new x in { x!(\"é→\") }", StandardCharsets.UTF_8);

    assertThat(Loader.read(f)).isEqualTo("new x in { x!(\"é→\") }");
  }

  @Test
  void binaryFileIsNamedWithTheOffsetOfTheFirstBadByte(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("blob.rho");
    Files.write(f, new byte[] {'a', 'b', 'c', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 0, 1});

    assertThatThrownBy(() -> Loader.read(f))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(f + ": not UTF-8 text (byte offset 5)");
  }

  @Test
  void directoryIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> Loader.read(dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(dir + ": is a directory");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path f = dir.resolve("absent.rho");

    assertThatThrownBy(() -> Loader.read(f))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(f + ": no such file");
  }
}
