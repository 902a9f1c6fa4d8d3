package rhoscope.indexer.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * The leading comment of a dataset contract, which says what it models and lists the
 * properties that hold and fail:
 *
 * <pre>
 * // Holds: deadlock_free; eventually contains ("done"!(1) | "done"!(2))
 * //        terminates
 * // Fails: eventually deadlock
 * </pre>
 *
 * A list runs on over the comment lines indented under it and is split at {@code ;} outside
 * parentheses. Other comment lines are the description.
 */
record ContractHeader(String description, List<String> holds, List<String> fails) {
  ContractHeader {
    holds = List.copyOf(holds);
    fails = List.copyOf(fails);
  }

  private static final String CONTINUATION = "//        ";

  static ContractHeader parse(String source) {
    StringBuilder description = new StringBuilder();
    StringBuilder holds = new StringBuilder();
    StringBuilder fails = new StringBuilder();
    StringBuilder open = null;
    for (String line : source.split("\r?\n")) {
      if (!line.startsWith("//")) {
        break;
      }
      String body = line.substring(2).strip();
      if (body.startsWith("Holds:")) {
        open = holds;
        open.append(body.substring("Holds:".length())).append(' ');
      } else if (body.startsWith("Fails:")) {
        open = fails;
        open.append(body.substring("Fails:".length())).append(' ');
      } else if (open != null && line.startsWith(CONTINUATION)) {
        open.append(body).append(' ');
      } else {
        open = null;
        description.append(body).append('\n');
      }
    }
    return new ContractHeader(description.toString().strip(), split(holds), split(fails));
  }

  /** Splits at {@code ;} outside parentheses, dropping empty items. */
  private static List<String> split(CharSequence list) {
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ';' && depth == 0) {
        add(items, item);
      } else {
        item.append(c);
      }
    }
    add(items, item);
    return items;
  }

  private static void add(List<String> items, StringBuilder item) {
    String text = item.toString().strip();
    if (!text.isEmpty()) {
      items.add(text);
    }
    item.setLength(0);
  }
}
