package rhoscope.server.cluster;

import java.util.Locale;

/**
 * The shard a process belongs to: its namespace, the dataset plus the first segment of its name
 * ({@code contracts/escrow} for {@code escrow_double_payout}). The shipped datasets name a family
 * of processes by that segment (the escrows, the banks, the MAPK models), so one family stays on one
 * member and a query over it is answered there. Computed from what every stored process has
 * (dataset and name), so that the router, the owner and a migration agree without parsing.
 */
final class ShardKey {
  private ShardKey() {}

  static String of(String dataset, String name) {
    String base = name;
    int dot = base.lastIndexOf('.');
    if (dot > 0) {
      base = base.substring(0, dot);
    }
    int end = 0;
    while (end < base.length() && Character.isLetterOrDigit(base.charAt(end))) {
      end++;
    }
    String segment = end == 0 ? base : base.substring(0, end);
    return dataset + "/" + segment.toLowerCase(Locale.ROOT);
  }
}
