package rhoscope.indexer;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link AcknowledgedWriteTest}: indexes one file into a database, says
 * {@code ACK} once {@code index} has returned (the moment a server answers 201), then halts at
 * once. {@code halt} is a kill -9 from inside: no shutdown hook, no background writer gets another
 * turn, only what reached the operating system survives. Halting itself, instead of waiting for
 * the test's signal, takes the scheduler's timing out of the outcome.
 */
public final class AcknowledgedWriteProbe {
  private AcknowledgedWriteProbe() {}

  public static void main(String[] args) {
    ProcessDatabase db = ProcessDatabase.open(Path.of(args[0]), 1);
    IndexSummary summary =
        db.index(List.of(Path.of(args[1])), IndexOptions.defaults(), IndexProgress.NONE);
    System.out.println("ACK " + summary.added());
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
