package rhoscope.server.cluster;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import rhoscope.server.http.ProcessFilter;
import rhoscope.server.http.QuerySpec;
import rhoscope.server.wire.SourceFormat;

/**
 * A query as the caller sends it to every member: the first {@code limit} matches of each, so that
 * the caller can page the merged ranking; {@code format} is a {@link SourceFormat} name.
 */
record QueryOrder(
    String type,
    String dataset,
    String nameContains,
    String format,
    int limit,
    long timeoutMillis,
    int calls,
    boolean withGenesis)
    implements Serializable {
  QueryOrder {
    Objects.requireNonNull(type, "type");
  }

  static QueryOrder of(QuerySpec spec) {
    ProcessFilter f = spec.filter();
    return new QueryOrder(
        spec.type(), f.dataset(), f.nameContains(), f.format() == null ? null : f.format().name(),
        spec.offset() + spec.limit(), spec.timeout().toMillis(), spec.calls(),
        spec.withGenesis());
  }

  QueryOrder withLimit(int newLimit) {
    return new QueryOrder(
        type, dataset, nameContains, format, newLimit, timeoutMillis, calls, withGenesis);
  }

  QuerySpec spec() {
    ProcessFilter filter =
        new ProcessFilter(
            dataset, nameContains, format == null ? null : SourceFormat.valueOf(format));
    return new QuerySpec(type, filter, 0, limit, Duration.ofMillis(timeoutMillis), calls,
        withGenesis);
  }
}
