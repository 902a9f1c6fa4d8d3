package rhoscope.engine;

import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.print.ProcessPrinter;

/** One thread of a state: a message waiting on a channel, or a receive waiting for one. */
public sealed interface ThreadView permits SendView, ReceiveView {

  /** The thread as a process AST. */
  Proc proc();

  /** The thread as Rholang text. */
  default String print() {
    return ProcessPrinter.print(proc());
  }
}
