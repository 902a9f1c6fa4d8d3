package rhoscope.engine.open;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;

/**
 * A contract a client outside the program can call: the name it is known by ({@code label}: the
 * string or the URI as the type language spells it, or, for a contract registered in the
 * registry, its name and {@code (registry)}), the channel to send on as Rholang writes it
 * ({@code channel}), its formals (a name formal receives the call's return channel, a quoted
 * formal a value) and its body (read only to narrow the values worth sending). A registered
 * contract has a {@code directory} entry, the registry's channel where the client finds the
 * registered name; its {@code channel} is then written in terms of {@link #REGISTERED}, the name
 * found there ({@code @registered}, {@code @(registered, "deposit")}), in a state where the
 * registry holds it.
 */
public record Callable(String label, String channel, List<Name> formals, Proc body,
    Optional<String> directory) {
  /** The variable a registered contract's channel is written with. */
  public static final String REGISTERED = "registered";

  public Callable {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(channel, "channel");
    formals = List.copyOf(formals);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(directory, "directory");
  }

  /** A contract on a public name, called by sending on {@code channel}. */
  public Callable(String label, String channel, List<Name> formals, Proc body) {
    this(label, channel, formals, body, Optional.empty());
  }

  /** {@code label/arity}, as warnings and summaries name it. */
  public String signature() {
    return label + "/" + formals.size();
  }

  public boolean registered() {
    return directory.isPresent();
  }

  /** The send of a call with {@code args} (Rholang expressions) on {@link #channel}. */
  public String send(List<String> args) {
    return channel + "!(" + String.join(", ", args) + ")";
  }

  /**
   * The client's candidate step that makes {@code call} (a call and whatever waits for its
   * answer), taking one of the tokens on {@code budget}: for a public channel the token alone;
   * for a registered contract the token joined with its directory entry (which the step puts
   * back), so the step exists only in a state where the contract is registered, wherever and
   * whenever the library registered it, and a contract never registered takes no token.
   */
  public String candidate(String budget, String call) {
    return directory.map(d -> "for (<= " + budget + " & @" + REGISTERED + " <= " + d + ") { "
        + d + "!(" + REGISTERED + ") | " + call + " }")
        .orElse("for (<= " + budget + ") { " + call + " }");
  }
}
