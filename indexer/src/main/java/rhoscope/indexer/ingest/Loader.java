package rhoscope.indexer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import rhoscope.indexer.catalog.ProcessFormat;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.indexer.sbml.ImportWarning;
import rhoscope.indexer.sbml.ImportedModel;
import rhoscope.indexer.sbml.SbmlImporter;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.parse.ProcessParser;

/** Reads a source file into a process: Rholang by the parser, SBML by the importer. */
public final class Loader {
  private Loader() {}

  /**
   * The file's text, read as UTF-8.
   *
   * @throws UncheckedIOException naming the file: {@code FILE: no such file}, {@code FILE: is a
   *     directory}, {@code FILE:LINE:COLUMN: not UTF-8 text (byte 0xNN)} at the first byte that is
   *     not
   */
  public static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new UncheckedIOException(file + ": permission denied", e);
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new UncheckedIOException(file + ": is a directory", e);
      }
      String why = e.getMessage() == null ? "" : ": " + e.getMessage();
      throw new UncheckedIOException(file + ": cannot read the file" + why, e);
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = utf8.decode(in, out, true);
    if (!r.isError()) {
      r = utf8.flush(out);
    }
    if (r.isError()) {
      throw new UncheckedIOException(
          file + ":" + lineAndColumn(out.flip()) + ": not UTF-8 text (byte "
              + String.format("0x%02X", bytes[in.position()] & 0xFF) + ")",
          new CharacterCodingException());
    }
    return out.flip().toString();
  }

  /** Where the text that decoded ends, as a parser would say it: {@code line:column}, from 1. */
  private static String lineAndColumn(CharSequence decoded) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < decoded.length(); i++) {
      if (decoded.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return line + ":" + column;
  }

  /**
   * Parses or imports already-read text.
   *
   * @throws rhoscope.lang.diag.LangException for Rholang that does not parse
   * @throws rhoscope.indexer.sbml.SbmlImportException for SBML that cannot be translated
   */
  public static LoadedProcess load(SourceFile file, String text, ImportOptions sbml) {
    String fileName = file.path().getFileName().toString();
    return switch (file.format()) {
      case RHOLANG ->
          new LoadedProcess(
              fileName,
              ProcessFormat.RHOLANG,
              "",
              text,
              ProcessParser.parse(file.path().toString(), text),
              List.of(),
              Optional.empty(),
              Optional.empty());
      case SBML -> {
        ImportedModel m = SbmlImporter.importString(fileName, text, sbml);
        yield new LoadedProcess(
            fileName,
            ProcessFormat.SBML,
            Semantics.spell(sbml),
            text,
            new ParsedProcess(file.path().toString(), text, m.process(), Positions.empty()),
            m.warnings().stream().map(Loader::describe).toList(),
            m.presence(),
            Optional.of(m.pathway()));
      }
    };
  }

  private static String describe(ImportWarning w) {
    return w.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " ("
        + w.element()
        + "): "
        + w.message();
  }
}
