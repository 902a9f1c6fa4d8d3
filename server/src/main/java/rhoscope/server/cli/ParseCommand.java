package rhoscope.server.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rhoscope.indexer.ingest.Loader;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.print.ProcessPrinter;

/** {@code rhoscope parse FILE...}: parses only, printing each process back or its errors. */
@Command(
    name = "parse",
    description = "Parse Rholang files and print each process back, pretty printed.")
final class ParseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rholang files to parse.")
  List<Path> files;

  @Override
  public Integer call() {
    int failed = 0;
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    for (Path file : files) {
      try {
        String text = Loader.read(file);
        ParsedProcess parsed = ProcessParser.parse(file.toString(), text);
        if (files.size() > 1) {
          out.println("// " + file);
        }
        out.println(ProcessPrinter.print(parsed.process()));
      } catch (LangException e) {
        failed++;
        err.println(e.getMessage());
      } catch (UncheckedIOException e) {
        failed++;
        err.println(UserErrorHandler.describe(e));
      }
    }
    out.flush();
    err.flush();
    return failed == 0 ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}
