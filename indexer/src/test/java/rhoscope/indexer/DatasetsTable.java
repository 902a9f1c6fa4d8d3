package rhoscope.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of {@code datasets/README.md} about closed processes: file, property (a type),
 * expected verdict. A table with a {@code calls} column is checked beside a most-general client
 * ({@code --open}, see {@code DatasetTable}); its verdicts are not the closed process's, so its
 * rows are left out here.
 */
record DatasetsTable(List<Row> rows) {
  static final Path DATASETS = Path.of("..", "datasets");

  record Row(String file, String type, boolean holds) {
    String name() {
      return Path.of(file).getFileName().toString();
    }
  }

  private static final Pattern ROW =
      Pattern.compile("^\\| `([^`]+)` \\|.*\\| `(.+)` \\| (yes|no) \\|\\s*$");

  static DatasetsTable read() {
    try {
      List<Row> rows = new ArrayList<>();
      boolean openTable = false;
      for (String line :
          Files.readAllLines(DATASETS.resolve("README.md"), StandardCharsets.UTF_8)) {
        if (!line.startsWith("|")) {
          openTable = false;
        } else if (line.startsWith("| file ")) {
          openTable = line.contains("| calls |");
        }
        Matcher m = ROW.matcher(line);
        if (!openTable && m.matches()) {
          rows.add(new Row(m.group(1), m.group(2).replace("\\|", "|"), m.group(3).equals("yes")));
        }
      }
      return new DatasetsTable(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
