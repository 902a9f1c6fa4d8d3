package rhoscope.server.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.server.wire.NamedType;
import rhoscope.server.wire.TypeForms;

class TypeCatalogTest {

  @Test
  void theStandardLibraryIsListedWithDefinitionsThatParseBack() {
    List<NamedType> types = TypeCatalog.standardLibrary();
    assertThat(types).extracting(NamedType::name).contains("deadlock_free");
    for (NamedType t : types) {
      assertThat(t.definition()).isNotBlank();
      if (t.parameters().isEmpty()) {
        // A definition printed by the API is itself a valid query.
        TypeCatalog.parse(t.definition());
      }
    }
  }

  @Test
  void formsKeepNamedTypesInTheNormalFormAndInlineThemInTheCore() {
    TypeForms forms = TypeCatalog.forms(TypeCatalog.parse("deadlock_free"));
    assertThat(forms.normalised()).isEqualTo("deadlock_free");
    assertThat(forms.core()).isNotEqualTo("deadlock_free");
    assertThat(TypeCatalog.forms(TypeCatalog.parse(forms.core())).core()).isEqualTo(forms.core());
  }

  @Test
  void aMalformedTypeFailsWithItsPosition() {
    assertThatThrownBy(() -> TypeCatalog.parse("eventually\n  contains ((("))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX);
              assertThat(e.line()).isEqualTo(2);
            });
    assertThatThrownBy(() -> TypeCatalog.parse("no_such_type"))
        .isInstanceOfSatisfying(
            LangException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_NAMED_TYPE));
  }
}
