package rhoscope.engine.check;

import java.util.Optional;
import rhoscope.engine.Trace;
import rhoscope.lang.ast.type.NamePattern;

/** Which COMMs a modality's label admits: none given means any step. */
final class Labels {
  private Labels() {}

  static boolean matches(Optional<NamePattern> label, Trace.Comm comm) {
    return label.map(n -> Names.matches(n, comm.channel())).orElse(true);
  }
}
