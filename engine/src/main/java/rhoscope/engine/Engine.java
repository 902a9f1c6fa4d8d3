package rhoscope.engine;

import rhoscope.engine.core.Machine;
import rhoscope.lang.ParsedProcess;

/** The engine's entry point: load a parsed process, then explore or step it. */
public final class Engine {
  private Engine() {}

  /**
   * Compiles {@code process} to a runnable program.
   *
   * @throws rhoscope.lang.diag.LangException UNSUPPORTED for a construct the engine cannot
   *     run, UNBOUND_VARIABLE for a free variable, both with line:column
   */
  public static Program load(ParsedProcess process) {
    return new Program(process, Machine.load(process));
  }
}
