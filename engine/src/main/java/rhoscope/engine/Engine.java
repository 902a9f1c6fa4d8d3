package rhoscope.engine;

import java.util.Optional;
import rhoscope.engine.open.MostGeneralClient;
import rhoscope.engine.open.OpenSystem;
import rhoscope.engine.reduce.Machine;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/** The engine's entry point: load a parsed process, then explore or step it. */
public final class Engine {
  private Engine() {}

  /**
   * Compiles {@code process} to a runnable program.
   *
   * @throws rhoscope.lang.diag.LangException UNSUPPORTED for a construct the engine cannot
   *     run, UNBOUND_VARIABLE for a free variable, both with line:column; TOO_DEEP for a
   *     process nested deeper than the compiler's stack
   */
  public static Program load(ParsedProcess process) {
    return load(process, Environment.none(), OpenSystem.closed());
  }

  /**
   * Compiles {@code process} to run in {@code environment} (see {@link #load(ParsedProcess)}): the
   * program's initial state is the environment's state with the program's threads added.
   */
  public static Program load(ParsedProcess process, Environment environment) {
    return load(process, environment, OpenSystem.closed());
  }

  /** Compiles {@code process} as {@code open} says, with no environment. */
  public static Program load(ParsedProcess process, OpenSystem open) {
    return load(process, Environment.none(), open);
  }

  /**
   * Compiles {@code process} to run in {@code environment}, and as {@code open} says: alone when
   * closed, else beside a most-general client ({@link MostGeneralClient}) that calls its public
   * contracts.
   *
   * @throws rhoscope.lang.diag.LangException as {@link #load(ParsedProcess)}
   */
  public static Program load(ParsedProcess process, Environment environment, OpenSystem open) {
    try {
      if (!open.isOpen()) {
        return new Program(
            process, Machine.load(process, environment.genesisState(), false), open,
            Optional.empty());
      }
      MostGeneralClient client = MostGeneralClient.of(process.process(), open);
      if (client.callables().isEmpty()) {
        // nothing to call: the process is all there is, and its own waits are its deadlocks
        return new Program(
            process, Machine.load(process, environment.genesisState(), false),
            OpenSystem.closed(), Optional.of(client));
      }
      return new Program(
          process, Machine.load(client.beside(process), environment.genesisState(), true), open,
          Optional.of(client));
    } catch (StackOverflowError e) {
      // the parser may accept nesting (it recurses less) that the compiler cannot follow
      throw new LangException(
          ErrorCode.TOO_DEEP,
          process.sourceName(),
          process.text(),
          1,
          1,
          "process is too deeply nested to compile");
    }
  }
}
