package rhoscope.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rhoscope.indexer.ProcessDatabase;

/** {@code rhoscope remove ID}: deletes a process from both stores. */
@Command(name = "remove", description = "Remove a process from the database.")
final class RemoveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatabaseOption db;

  @Parameters(index = "0", paramLabel = "ID", description = "The process id (see 'list'), e.g. 6 or #6.")
  String idText;

  @Override
  public Integer call() {
    long id = ProcessId.parse(idText);
    boolean removed;
    try (ProcessDatabase database = db.openExisting()) {
      removed = database.remove(id);
    }
    if (!removed) {
      throw new IllegalArgumentException("no process with id " + id);
    }
    spec.commandLine().getOut().printf("removed #%d%n", id);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
