package rhoscope.server.http;

import java.util.Locale;
import rhoscope.server.wire.SourceFormat;

/**
 * Restricts a listing or a query; a null field does not restrict. {@code nameContains} matches
 * a part of the name, ignoring case.
 */
public record ProcessFilter(String dataset, String nameContains, SourceFormat format) {
  public static final ProcessFilter NONE = new ProcessFilter(null, null, null);

  /** Whether a process with these attributes passes the filter. */
  public boolean accepts(String processDataset, String processName, SourceFormat processFormat) {
    return (dataset == null || dataset.equals(processDataset))
        && (nameContains == null
            || processName.toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT)))
        && (format == null || format == processFormat);
  }
}
