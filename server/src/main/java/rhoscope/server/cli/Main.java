package rhoscope.server.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rhoscope} command line: one subcommand per job. */
@Command(
    name = "rhoscope",
    mixinStandardHelpOptions = true,
    version = "rhoscope 0.1.0",
    description = "Behavioural-type query engine over databases of concurrent processes.",
    exitCodeListHeading = "%nExit codes (check and query add their verdicts: see their --help):%n",
    exitCodeList = {"0:done", ExitCode.USAGE_LINE, ExitCode.BAD_INPUT_LINE})
public final class Main implements Runnable {

  /**
   * Lucene logs its choice of I/O and vector back ends at start-up: noise on a command line. Held
   * in a field because the logging framework keeps loggers only weakly.
   */
  private static final java.util.logging.Logger LUCENE_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  /**
   * The subcommands, by the name each one's {@code @Command} gives it, in the order the help lists
   * them. They are registered here rather than in the annotation so that a command line builds
   * only the ones it needs: picocli reads every field and annotation of a subcommand by reflection
   * to build it, and building all of them was most of a short command's start-up.
   */
  static final SequencedMap<String, Class<?>> SUBCOMMANDS = subcommands();

  private static SequencedMap<String, Class<?>> subcommands() {
    SequencedMap<String, Class<?>> all = new LinkedHashMap<>();
    all.put("parse", ParseCommand.class);
    all.put("explore", ExploreCommand.class);
    all.put("check", CheckCommand.class);
    all.put("import", ImportCommand.class);
    all.put("index", IndexCommand.class);
    all.put("query", QueryCommand.class);
    all.put("list", ListCommand.class);
    all.put("show", ShowCommand.class);
    all.put("remove", RemoveCommand.class);
    all.put("serve", ServeCommand.class);
    all.put("bench", BenchCommand.class);
    all.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableSequencedMap(all);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    needed(args).forEach(cli::addSubcommand);
    cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    cli.setExecutionStrategy(Main::executeCatchingErrors);
    return cli.execute(args);
  }

  /**
   * The subcommands a command line can reach: the one its first argument names, none for a bare
   * version request, and all of them otherwise, since help, usage errors and their suggestions
   * list every subcommand.
   */
  static List<Class<?>> needed(String[] args) {
    if (args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.containsKey(args[0])) {
      return List.of(SUBCOMMANDS.get(args[0]));
    }
    if (args.length > 0 && Arrays.stream(args).allMatch(a -> a.equals("-V") || a.equals("--version"))) {
      return List.of();
    }
    return List.copyOf(SUBCOMMANDS.values());
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
