package rhoscope.server.cluster;

import rhoscope.engine.Environment;
import java.util.Map;
import rhoscope.indexer.ingest.Semantics;
import rhoscope.indexer.sbml.ImportOptions;
import rhoscope.server.http.NewProcess;
import rhoscope.server.wire.SourceFormat;
import rhoscope.server.wire.StoredProcess;

/**
 * A stored process as the upload that stores it again elsewhere: what moves a process to the
 * member that now owns its shard. The stored semantics spells the overrides in ({@code boolean
 * E1=0}); an upload gives them apart.
 */
final class Migration {
  private Migration() {}

  static NewProcess upload(StoredProcess p) {
    if (p.format() != SourceFormat.SBML || p.semantics() == null || p.semantics().isBlank()) {
      return new NewProcess(p.name(), p.dataset(), p.format(), null, Map.of(), p.source(),
          p.semantics() != null && p.semantics().startsWith(Environment.GENESIS_KEY));
    }
    ImportOptions options = Semantics.parse(p.semantics());
    return new NewProcess(
        p.name(),
        p.dataset(),
        p.format(),
        Semantics.spell(ImportOptions.of(options.semantics())),
        options.overrides(),
        p.source(),
        false);
  }
}
