package rhoscope.lang;

import java.util.Objects;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.diag.Positions;

/** A parsed process: its tree, where each node came from, and the text it came from. */
public record ParsedProcess(String sourceName, String text, Proc process, Positions positions) {
  public ParsedProcess {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(positions, "positions");
  }
}
