package rhoscope.engine.open;

import java.util.List;
import java.util.Objects;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;

/**
 * A contract a client outside the program can call: the public name it listens on ({@code label}
 * as the type language spells it: the string, or the URI), the channel to send on as Rholang
 * writes it ({@code channel}), its formals (a name formal receives the call's return channel, a
 * quoted formal a value) and its body (read only to narrow the values worth sending).
 */
public record Callable(String label, String channel, List<Name> formals, Proc body) {
  public Callable {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(channel, "channel");
    formals = List.copyOf(formals);
    Objects.requireNonNull(body, "body");
  }

  /** {@code label/arity}, as warnings and summaries name it. */
  public String signature() {
    return label + "/" + formals.size();
  }
}
