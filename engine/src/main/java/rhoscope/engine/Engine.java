package rhoscope.engine;

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
    return load(process, Environment.none());
  }

  /**
   * Compiles {@code process} to run in {@code environment} (see {@link #load(ParsedProcess)}): the
   * program's initial state is the environment's state with the program's threads added.
   */
  public static Program load(ParsedProcess process, Environment environment) {
    try {
      return new Program(process, Machine.load(process, environment.genesisState()));
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
