package rhoscope.server.http;

import java.util.List;
import java.util.Optional;
import rhoscope.engine.Cancellation;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.ClusterHealth;
import rhoscope.server.wire.NamedType;
import rhoscope.server.wire.ProcessPage;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.TypeForms;

/**
 * What the HTTP layer needs from the process database and the checker. Bad user input (a process
 * or a type that does not parse) is reported as {@link rhoscope.lang.diag.LangException}, which the
 * server turns into a 400 pointing at line and column. Implementations are thread-safe: the server
 * calls them from many request threads at once.
 */
public interface ProcessService extends AutoCloseable {

  /**
   * Parses, imports and analyses the process, writing nothing and taking no lock: what the server
   * runs on a query worker before {@link PendingUpload#commit()} stores it.
   */
  PendingUpload stage(NewProcess process);

  /**
   * Adds the process, or replaces the stored one with the same dataset and name; says which it
   * did.
   */
  default Upload put(NewProcess process) {
    return stage(process).commit();
  }

  ProcessPage list(ProcessFilter filter, int offset, int limit);

  Optional<StoredProcess> get(String id);

  /** Removes the process; false when there was none with this id. */
  boolean remove(String id);

  /** How many processes are stored. */
  long count();

  /** The cluster this service is a member of, as it stands now; empty on one machine. */
  default Optional<ClusterHealth> cluster() {
    return Optional.empty();
  }

  /**
   * The query as work for a query worker: when it runs it parses and compiles the type once,
   * answers it over the stored processes within what is left of its deadline, telling the
   * listener as verdicts arrive, and stops early once its token is cancelled.
   */
  Prepared<QueryAnswer> prepareQuery(QuerySpec spec, QueryListener listener);

  /** Answers a type over the stored processes, telling the listener as verdicts arrive. */
  default QueryAnswer query(QuerySpec spec, QueryListener listener) {
    return prepareQuery(spec, listener)
        .run(Cancellation.create(), Deadline.startingNow(spec.timeout()));
  }

  /** The check as work for a query worker: it parses the type and loads the process when it runs. */
  Prepared<CheckAnswer> prepareCheck(CheckSpec spec);

  default CheckAnswer check(CheckSpec spec) {
    return prepareCheck(spec).run(Cancellation.create(), Deadline.startingNow(spec.timeout()));
  }

  /** The standard library of named types. */
  List<NamedType> types();

  /** Parses a type (a query's text, {@code let} definitions allowed) into its printed forms. */
  TypeForms parseType(String type);

  @Override
  void close();
}
