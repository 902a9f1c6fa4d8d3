package rhoscope.server.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.catalog.ProcessRecord;

/** {@code rhoscope show ID}: one stored process with its features, warnings and source. */
@Command(name = "show", description = "Show one process: features, warnings and source.")
final class ShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoredProcessArgument process;

  @Override
  public Integer call() {
    ProcessRecord record = process.apply(ProcessDatabase::get);
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", record.id());
    o.put("name", record.name());
    o.put("dataset", record.dataset());
    o.put("format", record.format().name().toLowerCase(Locale.ROOT));
    o.put("semantics", record.semantics());
    o.put("path", record.path());
    o.put("fingerprint", record.fingerprint());
    o.put("ingestedAt", record.ingestedAt().toString());
    o.put("warnings", record.warnings());
    o.put("features", record.features().asMap());
    o.put("source", record.source());
    out.println(Json.write(o));
    out.flush();
    return 0;
  }
}
