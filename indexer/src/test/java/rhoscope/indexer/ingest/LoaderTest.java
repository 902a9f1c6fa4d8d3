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
  void binaryFileIsNamedWithTheLineAndColumnOfTheFirstBadByte(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("blob.rho");
    Files.write(f, new byte[] {'a', 'b', 'c', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF, 0, 1});

    assertThatThrownBy(() -> Loader.read(f))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(f + ":1:5: not UTF-8 text (byte 0xFF)");
  }

  @Test
  void aBadByteOnALaterLineIsPlacedOnThatLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("latin1.rho");
    byte[] head = "new x in {\n  x!(\"caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
    bytes[head.length] = (byte) 0xE9;
    bytes[head.length + 1] = '"';
    bytes[head.length + 2] = ')';
    Files.write(f, bytes);

    assertThatThrownBy(() -> Loader.read(f))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(f + ":2:10: not UTF-8 text (byte 0xE9)");
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
