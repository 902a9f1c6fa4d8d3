package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

class NameWarningsTest {

  private static List<String> warnings(String process, String type) {
    return NameWarnings.of(
        TypeParser.parse("<type>", type), ProcessParser.parse("<test>", process).process());
  }

  @Test
  void aMisspelledNameIsReported() {
    List<String> w = warnings("@\"ERK1\"!(1) | @\"MEK\"!(2)", "eventually contains \"ERK\"!(_)");
    assertThat(w).containsExactly(
        "the type mentions \"ERK\", which this process never uses"
            + " (its public names: \"ERK1\", \"MEK\")");
  }

  @Test
  void aNameOrGlobThatExistsIsNotReported() {
    assertThat(warnings("@\"ERK1\"!(1)", "eventually contains \"ERK1\"!(_)")).isEmpty();
    assertThat(warnings("@\"ERK1\"!(1)", "eventually contains \"ERK*\"!(_)")).isEmpty();
    assertThat(warnings("@\"ERK1\"!(1)", "eventually contains \"MEK*\"!(_)")).hasSize(1);
  }

  @Test
  void namesInsidePayloadsQuotesAndLabelsAreChecked() {
    assertThat(warnings("@\"a\"!(1)", "<\"b\">true")).hasSize(1);
    assertThat(warnings("@\"a\"!(1)", "contains @(\"c\"!(_))!(_)"))
        .singleElement().asString().contains("\"c\"");
    assertThat(warnings("@\"a\"!(1)", "always not race(\"a\")")).isEmpty();
  }

  @Test
  void urisAreComparedWithUris() {
    assertThat(warnings("new out(`rho:io:stdout`) in { out!(1) }", "contains `rho:io:stdout`!(_)"))
        .isEmpty();
    assertThat(warnings("new out(`rho:io:stdout`) in { out!(1) }", "contains `rho:io:stderr`!(_)"))
        .singleElement().asString().contains("`rho:io:stderr`");
  }

  @Test
  void computedStringsSilenceTheWarning() {
    assertThat(warnings("@\"a\"!(\"E\" ++ \"RK\")", "eventually contains \"ERK\"!(_)")).isEmpty();
  }

  @Test
  void atMostTenNamesAreListed() {
    StringBuilder p = new StringBuilder("Nil");
    for (int i = 0; i < 12; i++) {
      p.append(" | @\"n").append((char) ('a' + i)).append("\"!(1)");
    }
    String w = warnings(p.toString(), "contains \"zz\"!(_)").get(0);
    assertThat(w).contains("\"nj\", ...)").doesNotContain("\"nk\"");
  }
}
