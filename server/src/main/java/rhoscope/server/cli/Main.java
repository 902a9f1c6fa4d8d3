package rhoscope.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rhoscope} command line: one subcommand per job. */
@Command(
    name = "rhoscope",
    mixinStandardHelpOptions = true,
    version = "rhoscope 0.1.0",
    description = "Behavioural-type query engine over databases of concurrent processes.",
    exitCodeListHeading = "%nExit codes (check and query add their verdicts: see their --help):%n",
    exitCodeList = {"0:done", ExitCode.USAGE_LINE, ExitCode.BAD_INPUT_LINE},
    subcommands = {
      ParseCommand.class,
      ExploreCommand.class,
      CheckCommand.class,
      ImportCommand.class,
      IndexCommand.class,
      QueryCommand.class,
      ListCommand.class,
      ShowCommand.class,
      RemoveCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /**
   * Lucene logs its choice of I/O and vector back ends at start-up: noise on a command line. Held
   * in a field because the logging framework keeps loggers only weakly.
   */
  private static final java.util.logging.Logger LUCENE_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    cli.setExecutionStrategy(Main::executeCatchingErrors);
    return cli.execute(args);
  }

  /**
   * Runs the command, handing any {@link Error} short of running out of memory to the error
   * handler as an exception: picocli lets errors through, and the JVM would print a stack trace
   * a thousand lines long for a stack overflow. Out of memory is left alone: after it, nothing
   * can be trusted to run.
   */
  private static int executeCatchingErrors(CommandLine.ParseResult parsed) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Error e) {
      throw new CommandLine.ExecutionException(
          parsed.commandSpec().commandLine(), e.toString(), UserErrorHandler.failure(e));
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
