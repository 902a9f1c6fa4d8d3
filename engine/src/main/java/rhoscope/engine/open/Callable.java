package rhoscope.engine.open;

import java.util.List;
import java.util.Objects;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;

/**
 * A contract a client outside the program can call: the name it is known by ({@code label}: the
 * string or the URI as the type language spells it, or, for a contract registered in the
 * registry, its identifier and {@code (registry)}), the channel as Rholang writes it ({@code
 * channel}: the one to send on, or for a registered contract the registry's directory entry that
 * holds it, see {@link #registered}), its formals (a name formal receives the call's return
 * channel, a quoted formal a value) and its body (read only to narrow the values worth sending).
 */
public record Callable(String label, String channel, List<Name> formals, Proc body,
    boolean registered) {
  public Callable {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(channel, "channel");
    formals = List.copyOf(formals);
    Objects.requireNonNull(body, "body");
  }

  /** A contract on a public name, called by sending on {@code channel}. */
  public Callable(String label, String channel, List<Name> formals, Proc body) {
    this(label, channel, formals, body, false);
  }

  /** {@code label/arity}, as warnings and summaries name it. */
  public String signature() {
    return label + "/" + formals.size();
  }

  /**
   * The call with {@code args} (Rholang expressions) as the client writes it: a send on the
   * public channel, or for a registered contract a peek at its directory entry (so the call
   * waits until the contract is registered) and a send on the name found there.
   */
  public String call(List<String> args) {
    String send = "!(" + String.join(", ", args) + ")";
    return registered
        ? "for (@registered <<- " + channel + ") { @registered" + send + " }"
        : channel + send;
  }
}
