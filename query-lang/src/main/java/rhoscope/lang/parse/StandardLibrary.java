package rhoscope.lang.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import rhoscope.lang.ast.type.TypeDefinition;
import rhoscope.lang.ast.type.TypeLibrary;

/**
 * The named types every query can call ({@code deadlock_free}, {@code race_free(n)} ...),
 * defined in the type language itself in the resource {@code rhoscope/stdlib.types}.
 */
public final class StandardLibrary {
  static final String RESOURCE = "/rhoscope/stdlib.types";

  private StandardLibrary() {}

  /** The standard library as a scope for parsing. */
  public static TypeLibrary library() {
    return Holder.LIBRARY;
  }

  /** Every standard definition (name, parameters, body, doc), in file order. */
  public static List<TypeDefinition> definitions() {
    return Holder.LIBRARY.definitions();
  }

  /** Loaded once, on first use; a broken library is a build defect, hence unchecked. */
  private static final class Holder {
    static final TypeLibrary LIBRARY = load();

    private static TypeLibrary load() {
      try (InputStream in = StandardLibrary.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return TypeParser.parseLibrary("stdlib.types", text, TypeLibrary.empty());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
