package rhoscope.server.wire;

import java.util.List;

/** A page of a listing: {@code total} processes pass the filter, {@code items} start at offset. */
public record ProcessPage(long total, int offset, int limit, List<ProcessSummary> items) {
  public ProcessPage {
    items = List.copyOf(items);
  }
}
