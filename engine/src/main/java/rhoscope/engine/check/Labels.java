package rhoscope.engine.check;

import java.util.Optional;
import rhoscope.engine.Step;
import rhoscope.lang.ast.type.NamePattern;

/** Which COMM steps a modality's label admits: none given means any step. */
final class Labels {
  private Labels() {}

  static boolean matches(Optional<NamePattern> label, Step step) {
    return label.map(n -> Names.matches(n, step.channel())).orElse(true);
  }
}
