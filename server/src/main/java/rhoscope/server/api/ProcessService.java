package rhoscope.server.api;

import java.util.List;
import java.util.Optional;

/**
 * What the HTTP layer needs from the process database and the checker. Bad user input (a process
 * or a type that does not parse) is reported as {@link rhoscope.lang.diag.LangException}, which the
 * server turns into a 400 pointing at line and column. Implementations are thread-safe: the server
 * calls them from many request threads at once.
 */
public interface ProcessService extends AutoCloseable {

  /** Adds the process, or replaces the stored one with the same dataset and name. */
  StoredProcess put(NewProcess process);

  ProcessPage list(ProcessFilter filter, int offset, int limit);

  Optional<StoredProcess> get(String id);

  /** Removes the process; false when there was none with this id. */
  boolean remove(String id);

  /** How many processes are stored. */
  long count();

  /** Answers a type over the stored processes, telling the listener as verdicts arrive. */
  QueryAnswer query(QuerySpec spec, QueryListener listener);

  CheckAnswer check(CheckSpec spec);

  /** The standard library of named types. */
  List<NamedType> types();

  /** Parses a type (a query's text, {@code let} definitions allowed) into its printed forms. */
  TypeForms parseType(String type);

  @Override
  void close();
}
