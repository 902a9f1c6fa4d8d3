package rhoscope.lang.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeExpander;
import rhoscope.lang.ast.type.TypeNormalizer;
import rhoscope.lang.print.TypePrinter;

/** {@code parse(print(t)) == t} for random well-formed types, sugar and library calls included. */
class TypeRoundTripTest {

  @Property(tries = 500)
  void printedTypesParseBackToTheSameTree(@ForAll("types") Type type) {
    String printed = TypePrinter.print(type);
    assertThat(TypeParser.parse("printed", printed).type()).as(printed).isEqualTo(type);
  }

  @Property(tries = 200)
  void normalisedCoreIsCoreAndStableUnderItsOwnNormalisation(@ForAll("types") Type type) {
    Type normal = TypeNormalizer.normalize(type, StandardLibrary.library());
    assertThat(TypeExpander.isCore(normal)).isTrue();
    assertThat(TypeNormalizer.normalize(normal, StandardLibrary.library())).isEqualTo(normal);
    String key = TypePrinter.print(normal);
    assertThat(TypeParser.parse("key", key).type()).isEqualTo(normal);
  }

  @Provide
  Arbitrary<Type> types() {
    return TypeArbitraries.types();
  }
}
