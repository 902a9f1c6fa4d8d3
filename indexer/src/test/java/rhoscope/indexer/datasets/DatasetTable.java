package rhoscope.indexer.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables of {@code datasets/README.md}: every Markdown table under a {@code ## } heading whose
 * header has the columns {@code file}, {@code property (type)} and {@code expected verdict}
 * (matched by their first word, case-insensitively), with optional {@code what it models},
 * {@code semantics} and {@code calls} columns ({@code calls}: the row is checked with
 * {@code --open --calls N}, beside a most-general client; empty or absent: closed). Other tables and columns are ignored, so the README can grow.
 *
 * <p>Types contain {@code |}, which a Markdown cell writes as {@code \|}; cells are split on
 * unescaped bars only, unescaped, and stripped of one pair of enclosing backquotes.
 */
record DatasetTable(List<Row> rows) {
  DatasetTable {
    rows = List.copyOf(rows);
  }

  /** A verdict as the README spells it. */
  enum Expected {
    YES,
    NO;

    static Expected parse(String cell, int line) {
      return switch (cell.toLowerCase(Locale.ROOT)) {
        case "yes" -> YES;
        case "no" -> NO;
        default ->
            throw new IllegalArgumentException(
                "README line " + line + ": verdict must be yes or no, got '" + cell + "'");
      };
    }
  }

  /**
   * One checked row.
   *
   * @param section the {@code ## } heading the table sits under ("Contracts", "Pathways")
   * @param line the row's 1-based line in the README, to find it from a failure
   * @param file the model's path relative to the datasets folder
   * @param models what the row says the file models (empty when the table has no such column)
   * @param property the type, unescaped
   * @param expected the verdict the model checker must give
   * @param semantics the import semantics (SBML rows), when the table has that column and the
   *     cell is not empty
   * @param calls the calls of the most-general client the row is checked beside (0: closed)
   */
  record Row(
      String section,
      int line,
      String file,
      String models,
      String property,
      Expected expected,
      Optional<String> semantics,
      int calls) {
    /** A row of a closed process. */
    Row(String section, int line, String file, String models, String property,
        Expected expected, Optional<String> semantics) {
      this(section, line, file, models, property, expected, semantics, 0);
    }

    Row {
      if (calls < 0) {
        throw new IllegalArgumentException("README line " + line + ": calls must be 0 or more");
      }
      Objects.requireNonNull(section, "section");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(models, "models");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(semantics, "semantics");
    }

    /**
     * The property as a contract's header comment lists it: an open row's with
     * {@code (calls N)} after it, so one type can hold closed and fail open.
     */
    String headerItem() {
      return calls > 0 ? property + " (calls " + calls + ")" : property;
    }

    /** Names the row in test reports: file, type, verdict and where it is written. */
    @Override
    public String toString() {
      String sem = semantics.map(s -> " [" + s + "]").orElse("");
      sem += calls > 0 ? " [--open --calls " + calls + "]" : "";
      return file + sem + " : " + property + " -> " + expected.name().toLowerCase(Locale.ROOT)
          + " (README line " + line + ")";
    }
  }

  /** The rows of every verdict table, in document order. */
  static DatasetTable parse(String markdown) {
    List<Row> rows = new ArrayList<>();
    String[] lines = markdown.split("\r?\n", -1);
    String section = "";
    Columns columns = null;
    for (int i = 0; i < lines.length; i++) {
      String text = lines[i].strip();
      if (text.startsWith("## ")) {
        section = text.substring(3).strip();
        columns = null;
      } else if (!text.startsWith("|")) {
        columns = null;
      } else if (columns == null) {
        boolean separatorFollows = i + 1 < lines.length && isSeparator(lines[i + 1].strip());
        if (separatorFollows) {
          columns = Columns.of(cells(text)).orElse(Columns.IGNORED);
          i++; // the separator row
        }
      } else if (columns != Columns.IGNORED) {
        rows.add(columns.row(section, i + 1, cells(text)));
      }
    }
    return new DatasetTable(rows);
  }

  /** The rows under the given heading. */
  List<Row> section(String heading) {
    return rows.stream().filter(r -> r.section().equals(heading)).toList();
  }

  private static boolean isSeparator(String text) {
    return text.startsWith("|") && text.replaceAll("[|:\\-\\s]", "").isEmpty()
        && text.contains("-");
  }

  /** Splits {@code | a | b \| c |} into {@code a}, {@code b | c}, each trimmed and unquoted. */
  static List<String> cells(String text) {
    String body = text.strip();
    body = body.substring(1); // leading bar
    if (body.endsWith("|") && !body.endsWith("\\|")) {
      body = body.substring(0, body.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(unquote(cell.toString().strip()));
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(unquote(cell.toString().strip()));
    return cells;
  }

  private static String unquote(String cell) {
    if (cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")) {
      return cell.substring(1, cell.length() - 1).strip();
    }
    return cell;
  }

  /** Where the wanted columns sit in one table; -1 for an absent optional column. */
  private record Columns(
      int width, int file, int models, int property, int verdict, int semantics, int calls) {
    static final Columns IGNORED = new Columns(0, -1, -1, -1, -1, -1, -1);

    static Optional<Columns> of(List<String> header) {
      int file = find(header, "file");
      int property = find(header, "property");
      int verdict = find(header, "expected");
      if (file < 0 || property < 0 || verdict < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new Columns(
              header.size(),
              file,
              find(header, "what"),
              property,
              verdict,
              find(header, "semantics"),
              find(header, "calls")));
    }

    private static int find(List<String> header, String firstWord) {
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).toLowerCase(Locale.ROOT);
        if (h.equals(firstWord) || h.startsWith(firstWord + " ")) {
          return i;
        }
      }
      return -1;
    }

    Row row(String section, int line, List<String> cells) {
      if (cells.size() != width) {
        throw new IllegalArgumentException(
            "README line " + line + ": expected " + width + " cells, got " + cells.size()
                + " (is a | inside a type not written \\|?)");
      }
      Optional<String> sem =
          semantics < 0 || cells.get(semantics).isEmpty()
              ? Optional.empty()
              : Optional.of(cells.get(semantics));
      return new Row(
          section,
          line,
          cells.get(file),
          models < 0 ? "" : cells.get(models),
          cells.get(property),
          Expected.parse(cells.get(verdict), line),
          sem,
          calls(cells, line));
    }

    private int calls(List<String> cells, int line) {
      if (calls < 0 || cells.get(calls).isEmpty()) {
        return 0;
      }
      try {
        return Integer.parseInt(cells.get(calls));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "README line " + line + ": calls must be a number, got '" + cells.get(calls) + "'");
      }
    }
  }
}
