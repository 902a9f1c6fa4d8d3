package rhoscope.indexer.sbml;

import java.util.List;

/**
 * A type checked against one imported model names a species the model does not have, or a name
 * that several of its species share. The message says which, with close matches or the ids to
 * choose from.
 */
public final class UnknownSpeciesException extends IllegalArgumentException {
  private final List<String> problems;

  UnknownSpeciesException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One sentence per name that does not resolve. */
  public List<String> problems() {
    return problems;
  }
}
