package rhoscope.indexer.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import rhoscope.indexer.datasets.DatasetTable.Expected;
import rhoscope.indexer.datasets.DatasetTable.Row;

class DatasetTableParsingTest {

  @Test
  void readsRowsWithEscapedBarsAndBackquotesUnderTheirHeading() {
    String md =
        """
        # datasets

        ## Contracts

        | file | what it models | property (type) | expected verdict |
        | --- | --- | --- | --- |
        | `contracts/a.rho` | a lock | `always not contains ("c"!(_) \\| "c"!(_))` | yes |
        | `contracts/a.rho` | a lock | `deadlock_free` | NO |
        """;

    DatasetTable table = DatasetTable.parse(md);

    assertThat(table.rows())
        .containsExactly(
            new Row(
                "Contracts",
                7,
                "contracts/a.rho",
                "a lock",
                "always not contains (\"c\"!(_) | \"c\"!(_))",
                Expected.YES,
                Optional.empty()),
            new Row(
                "Contracts", 8, "contracts/a.rho", "a lock", "deadlock_free", Expected.NO,
                Optional.empty()));
  }

  @Test
  void findsColumnsByNameInAnyOrderAndKeepsTheSemanticsCell() {
    String md =
        """
        ## Pathways

        | file | source | semantics | property (type) | expected verdict | what it models |
        |------|--------|:---------:|-----------------|------------------|----------------|
        | pathways/m.xml | Huang 1996 | counts:2 | eventually contains "K"!(_) | yes | MAPK |
        | pathways/m.xml | Huang 1996 |  | terminates | no | MAPK |
        """;

    DatasetTable table = DatasetTable.parse(md);

    assertThat(table.section("Pathways"))
        .extracting(Row::file, Row::models, Row::property, Row::semantics)
        .containsExactly(
            tuple(
                "pathways/m.xml", "MAPK", "eventually contains \"K\"!(_)", Optional.of("counts:2")),
            tuple(
                "pathways/m.xml", "MAPK", "terminates", Optional.empty()));
  }

  @Test
  void ignoresTablesWithoutTheVerdictColumnsAndTextBetweenTables() {
    String md =
        """
        ## Sources

        | file | licence |
        | --- | --- |
        | x.rho | MIT |

        ## Contracts

        Some words.
        """;

    assertThat(DatasetTable.parse(md).rows()).isEmpty();
  }

  @Test
  void rejectsARowWhoseUnescapedBarAddsACell() {
    String md =
        """
        ## Contracts
        | file | property (type) | expected verdict |
        | --- | --- | --- |
        | a.rho | `contains ("c"!(_) | "c"!(_))` | yes |
        """;

    assertThatThrownBy(() -> DatasetTable.parse(md))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("\\|");
  }

  @Test
  void rejectsAVerdictOtherThanYesOrNo() {
    String md =
        """
        ## Contracts
        | file | property (type) | expected verdict |
        | --- | --- | --- |
        | a.rho | terminates | maybe |
        """;

    assertThatThrownBy(() -> DatasetTable.parse(md))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("maybe");
  }

  @Test
  void namesTheRowByFileTypeVerdictAndLine() {
    Row row =
        new Row("Contracts", 12, "contracts/a.rho", "", "terminates", Expected.NO,
            Optional.empty());

    assertThat(row).hasToString("contracts/a.rho : terminates -> no (README line 12)");
  }
}
