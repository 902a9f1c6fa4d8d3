package rhoscope.indexer.sbml;

import java.util.ArrayList;
import java.util.List;

/** Collects the warnings of one import in document order. */
final class Warnings {
  private final List<ImportWarning> list = new ArrayList<>();

  void add(ImportWarning.Kind kind, String element, String message) {
    list.add(new ImportWarning(kind, element, message));
  }

  List<ImportWarning> list() {
    return List.copyOf(list);
  }
}
