package rhoscope.server.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rhoscope remove ID}: deletes a process from both stores. */
@Command(name = "remove", description = "Remove a process from the database.")
final class RemoveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoredProcessArgument process;

  @Override
  public Integer call() {
    long id =
        process.apply((database, i) -> database.remove(i) ? Optional.of(i) : Optional.empty());
    spec.commandLine().getOut().printf("removed #%d%n", id);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
