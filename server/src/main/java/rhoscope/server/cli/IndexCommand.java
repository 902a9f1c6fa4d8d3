package rhoscope.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.IndexSummary;
import rhoscope.indexer.ProcessDatabase;

/** {@code rhoscope index PATH...}: adds files and folders to the process database. */
@Command(
    name = "index",
    description = "Index Rholang and SBML files (or folders of them) into the process database.")
final class IndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatabaseOption db;

  @Mixin ProcessInput input;

  /** Stores the Rholang files to run on the genesis, their features derived on it. */
  @Mixin GenesisOption genesis;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to index.")
  List<Path> paths;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "Dataset name to file the processes under (default: each file's folder).")
  String dataset;

  @Override
  public Integer call() {
    IndexOptions options = IndexOptions.defaults().withSbml(input.importOptions())
        .withEnvironment(genesis.environment());
    if (dataset != null) {
      options = options.withDataset(UsageException.dataset(dataset));
    }
    PrintWriter err = spec.commandLine().getErr();
    IndexProgress progress = System.console() != null ? new ProgressBar(err) : IndexProgress.NONE;
    IndexSummary summary;
    try (ProcessDatabase database = db.open()) {
      summary = database.index(paths, options, progress);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "indexed into %s: %d added, %d replaced, %d unchanged, %d failed (%,d ms)%n",
        db.dir, summary.added(), summary.replaced(), summary.unchanged(), summary.failed().size(),
        summary.millis());
    for (IndexSummary.Failure f : summary.failed()) {
      out.printf("  failed %s: %s%n", f.path(), f.reason().replace("\n", "\n    "));
    }
    out.flush();
    return summary.failed().isEmpty() ? ExitCode.OK : ExitCode.BAD_INPUT;
  }

  /** A one-line bar redrawn in place on a terminal. */
  private record ProgressBar(PrintWriter err) implements IndexProgress {
    private static final int WIDTH = 30;

    @Override
    public void fileDone(int done, int total, Path file) {
      int filled = total == 0 ? WIDTH : done * WIDTH / total;
      String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
      if (name.length() > 40) {
        name = name.substring(0, 37) + "...";
      }
      err.printf(
          "\r[%s%s] %d/%d %-40s", "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, name);
      if (done == total) {
        err.println();
      }
      err.flush();
    }
  }
}
