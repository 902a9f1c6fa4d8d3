package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import rhoscope.engine.bench.ExplorerBenchmark;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

/**
 * Pins the engine's behaviour to {@link EngineSemantics#VERSION}: a golden table of verdicts and
 * explored-state counts over the shipped models, blessed under a version its header records.
 * Indexes key cached verdicts and ingest-time features by that version, so a change of behaviour
 * that keeps the version would serve stale answers; this test turns it into a failure.
 *
 * <p>Run with {@code -Drhoscope.bless=true} to rewrite the table with the current figures and
 * version.
 */
class EngineSemanticsTest {
  private static final Path TABLE = Path.of("src", "test", "resources", "semantics", "verdicts.tsv");
  private static final Path ROOT = Path.of("..");
  private static final String VERSION_KEY = "semantics-version";
  private static final String COLUMNS = "process\ttype\tverdict\tstates";
  private static final String PHILOSOPHERS = "datasets/benchmarks/philosophers.rho.sh ";
  // One worker: an on-the-fly check stops at the first settling state, which with more workers
  // depends on scheduling. The bound is far above every model, so no row rests on it.
  private static final CheckOptions OPTIONS =
      CheckOptions.defaults()
          .withWorkers(1)
          .withMaxStates(50_000)
          .withTimeout(Duration.ofMinutes(5));

  /** One pinned figure: a model, a type, and what the engine answered. */
  record Row(String process, String type, String verdict, long states) {
    Row {
      Objects.requireNonNull(process, "process");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(verdict, "verdict");
    }

    String line() {
      return process + "\t" + type + "\t" + verdict + "\t" + states;
    }

    String figures() {
      return verdict + " after " + states + " states";
    }
  }

  /** The table as stored: its comment lines, the version it was blessed under, its rows. */
  record Table(List<String> comments, int version, List<Row> rows) {
    static Table read() throws IOException {
      List<String> comments = new ArrayList<>();
      List<Row> rows = new ArrayList<>();
      int version = -1;
      boolean columns = false;
      int n = 0;
      for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("#")) {
          comments.add(line);
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals(VERSION_KEY) && f.length == 2) {
          version = Integer.parseInt(f[1].strip());
        } else if (line.equals(COLUMNS)) {
          columns = true;
        } else if (f.length == 4 && columns) {
          rows.add(new Row(f[0], f[1], f[2], Long.parseLong(f[3])));
        } else {
          throw new IllegalStateException(
              TABLE + ":" + n + ": expected '" + VERSION_KEY + "<TAB>N', the column line '"
                  + COLUMNS.replace("\t", "<TAB>") + "', or after it a row of 4 fields; got: "
                  + line);
        }
      }
      if (version < 0 || !columns) {
        throw new IllegalStateException(
            TABLE + ": no '" + VERSION_KEY + "' line or no column line");
      }
      return new Table(comments, version, rows);
    }

    void write() throws IOException {
      StringBuilder out = new StringBuilder();
      comments.forEach(c -> out.append(c).append('\n'));
      out.append(VERSION_KEY).append('\t').append(version).append('\n');
      out.append(COLUMNS).append('\n');
      rows.forEach(r -> out.append(r.line()).append('\n'));
      Files.writeString(TABLE, out.toString(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void verdictsAndStateCountsAreThoseBlessedUnderTheCurrentSemanticsVersion() throws IOException {
    Table stored = Table.read();
    List<Row> now = stored.rows().stream().map(EngineSemanticsTest::recompute).toList();
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < now.size(); i++) {
      Row was = stored.rows().get(i);
      Row is = now.get(i);
      if (!was.equals(is)) {
        changed.add(was.process() + " : " + was.type() + ": blessed " + was.figures()
            + ", now " + is.figures());
      }
    }
    if (Boolean.getBoolean("rhoscope.bless")) {
      new Table(stored.comments(), EngineSemantics.VERSION, now).write();
      assertThat(changed.isEmpty() || stored.version() != EngineSemantics.VERSION)
          .as("re-blessed %s with %d changed rows, but EngineSemantics.VERSION is still %d, the"
                  + " version they were blessed under: bump it too, or indexes keep serving"
                  + " verdicts and features of the old behaviour:%n%s",
              TABLE, changed.size(), stored.version(), String.join("\n", changed))
          .isTrue();
      return;
    }
    assertThat(changed)
        .as("engine behaviour changed in %d of %d rows of %s: bump EngineSemantics.VERSION"
                + " and re-bless with -Drhoscope.bless=true", changed.size(), now.size(), TABLE)
        .isEmpty();
    assertThat(stored.version())
        .as("%s was blessed under engine semantics %d but EngineSemantics.VERSION is %d:"
                + " re-bless with -Drhoscope.bless=true", TABLE, stored.version(),
            EngineSemantics.VERSION)
        .isEqualTo(EngineSemantics.VERSION);
  }

  @Test
  void theTableSpansTheShippedDatasetsAndTheKindsOfType() throws IOException {
    List<Row> rows = Table.read().rows();
    assertThat(rows.size()).isGreaterThanOrEqualTo(200);
    assertThat(rows.stream().map(Row::process).distinct().filter(p -> p.startsWith("datasets/contracts/")))
        .hasSizeGreaterThanOrEqualTo(30);
    assertThat(rows).anyMatch(r -> r.process().startsWith(PHILOSOPHERS));
    String types = String.join("\n", rows.stream().map(Row::type).toList());
    for (String kind : List.of("eventually ", "always ", "inevitably ", "deadlock", "race(",
        "<>", "[]", "<\"", "can_deadlock", "terminates", "mutual_exclusion(", "live(")) {
      assertThat(types).as(kind).contains(kind);
    }
    assertThat(rows.stream().map(Row::verdict).distinct()).contains("YES", "NO");
  }

  @Test
  void theTablePinsAVerdictThatOnlySelectOfferingEveryBranchGives() throws IOException {
    // Under the former rule (only the first satisfiable branch fires) "took"!("b") is
    // unreachable: a change back turns this row's verdict, and the first test fails.
    assertThat(Table.read().rows())
        .anyMatch(r -> r.process().equals("engine/src/test/resources/semantics/select_choice.rho")
            && r.type().equals("eventually contains \"took\"!(\"b\")")
            && r.verdict().equals("YES"));
  }

  private static Row recompute(Row row) {
    CheckResult r = ModelChecker.check(load(row.process()), TypeParser.parse(row.type(),
        row.type()), OPTIONS);
    return new Row(row.process(), row.type(), r.verdict().name(), r.states());
  }

  private static Program load(String process) {
    if (process.startsWith(PHILOSOPHERS)) {
      int n = Integer.parseInt(process.substring(PHILOSOPHERS.length()).strip());
      // the text philosophers.rho.sh prints (SpinCrossCheckTest compares the two)
      return Engine.load(ProcessParser.parse(process, ExplorerBenchmark.philosophersSource(n)));
    }
    Path file = ROOT.resolve(process);
    try {
      return Engine.load(
          ProcessParser.parse(process, Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file.toAbsolutePath().normalize() + " (row process " + process + ")", e);
    }
  }
}
