package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.Source;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.diag.Positions;

class EngineLoadTest {

  @Test
  void nestingBeyondTheCompilersStackIsAUserErrorNotACrash() {
    Name x = new Name.NameVar("x");
    Bind bind = new Bind(List.of(new Name.NameWildcard()), Optional.empty(), new Source.Simple(x));
    Proc body = new Proc.Nil();
    for (int i = 0; i < 1_000_000; i++) {
      body = new Proc.Input(ReceiptKind.LINEAR, List.of(bind), body);
    }
    Proc process = new Proc.New(List.of(new NameDecl("x", Optional.empty())), body);
    ParsedProcess parsed = new ParsedProcess("deep.rho", "", process, Positions.empty());

    assertThatThrownBy(() -> Engine.load(parsed))
        .isInstanceOfSatisfying(
            LangException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_DEEP))
        .hasMessageContaining("deep.rho")
        .hasMessageContaining("too deeply nested");
  }
}
