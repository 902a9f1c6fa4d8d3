package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeDefinition;
import rhoscope.lang.ast.type.TypeExpander;
import rhoscope.lang.ast.type.TypeLibrary;
import rhoscope.lang.print.TypePrinter;

class StandardLibraryTest {

  @Test
  void providesTheRequiredTypesEachDocumented() {
    List<TypeDefinition> defs = StandardLibrary.definitions();
    assertThat(defs)
        .extracting(TypeDefinition::name)
        .contains("deadlock_free", "race_free", "terminates", "can_reach", "mutual_exclusion");
    assertThat(defs).allSatisfy(d -> assertThat(d.doc()).isNotBlank());
    assertThat(defs.stream().filter(d -> d.name().equals("race_free")).findFirst())
        .hasValueSatisfying(d -> assertThat(d.params()).containsExactly("n"));
  }

  @Test
  void everyDefinitionExpandsToAClosedCoreTypeWhenCalled() {
    for (TypeDefinition def : StandardLibrary.definitions()) {
      List<NamePattern> args =
          Collections.nCopies(def.params().size(), new NamePattern.StringName("ch"));
      Type core = TypeExpander.expand(new Type.Call(def.name(), args), StandardLibrary.library());
      assertThat(TypeExpander.isCore(core)).as(def.name()).isTrue();
      assertThat(TypeExpander.freeVariables(core)).as(def.name()).isEmpty();
      assertThat(TypePrinter.print(core)).as(def.name()).doesNotContain("\"n\"").contains("\"ch\"".repeat(def.params().isEmpty() ? 0 : 1));
    }
  }

  @Test
  void raceFreeMeansNeverARaceOnItsArgument() {
    Type core =
        TypeParser.parse("<q>", "race_free(balance)").core();
    assertThat(TypePrinter.print(core)).isEqualTo("nu X. not race(balance) and []X");
  }

  @Test
  void printedDefinitionsParseBackAsALibrary() {
    String text =
        String.join("\n", StandardLibrary.definitions().stream().map(TypePrinter::print).toList());
    assertThat(TypeParser.parseLibrary("printed", text, TypeLibrary.empty()).definitions())
        .isEqualTo(StandardLibrary.definitions());
  }
}
