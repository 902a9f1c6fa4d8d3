package rhoscope.engine.open;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import rhoscope.lang.ast.process.Proc;

/**
 * How a program is explored: closed (alone, {@code calls == 0}) or open, beside a most-general
 * client that makes up to {@code calls} calls in total to the contracts {@code callables} finds
 * in the program. {@code callables} is the seam for other ways to publish a contract (a name
 * registered in the registry): it maps the program to what may be called.
 */
public record OpenSystem(int calls, Function<Proc, List<Callable>> callables) {
  /** The calls a client makes when none is given. */
  public static final int DEFAULT_CALLS = 2;

  public OpenSystem {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative, not " + calls);
    }
    Objects.requireNonNull(callables, "callables");
  }

  /** The program alone, as it is written. */
  public static OpenSystem closed() {
    return new OpenSystem(0, PublicContracts::of);
  }

  /**
   * Contracts on public names and contracts the program registers in the registry ({@link
   * RegisteredContracts}), called up to {@code calls} times (0: closed).
   */
  public static OpenSystem calls(int calls) {
    return new OpenSystem(calls, OpenSystem::publicAndRegistered);
  }

  private static List<Callable> publicAndRegistered(Proc program) {
    return Stream.concat(PublicContracts.of(program).stream(),
        RegisteredContracts.of(program).stream()).toList();
  }

  public boolean isOpen() {
    return calls > 0;
  }

  public OpenSystem withCallables(Function<Proc, List<Callable>> finder) {
    return new OpenSystem(calls, finder);
  }

  /** How a cache or a summary names this setting: {@code closed} or {@code open:N}. */
  public String key() {
    return isOpen() ? "open:" + calls : "closed";
  }
}
