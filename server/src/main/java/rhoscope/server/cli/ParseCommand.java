package rhoscope.server.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
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
  public Integer call() throws Exception {
    int failed = 0;
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    for (Path file : files) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        ParsedProcess parsed = ProcessParser.parse(file.toString(), text);
        if (files.size() > 1) {
          out.println("// " + file);
        }
        out.println(ProcessPrinter.print(parsed.process()));
      } catch (LangException e) {
        failed++;
        err.println(e.getMessage());
      } catch (java.io.IOException e) {
        failed++;
        err.println(UserErrorHandler.describe(e));
      }
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : 1;
  }
}
