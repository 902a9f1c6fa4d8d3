package rhoscope.server.wire;

import java.util.List;

/** {@code GET /api/types}: the standard library of named types. */
public record TypeList(List<NamedType> types) {
  public TypeList {
    types = List.copyOf(types);
  }
}
