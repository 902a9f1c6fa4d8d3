package rhoscope.server.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Environment;
import rhoscope.engine.check.Verdict;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.indexer.QueryRequest;
import rhoscope.indexer.QueryResult;
import rhoscope.server.http.CheckSpec;
import rhoscope.server.http.Deadline;
import rhoscope.server.http.NewProcess;
import rhoscope.server.http.Upload;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.SourceFormat;

/** An upload with {@code withGenesis}: stored to run on the genesis, queried from the index. */
class GenesisUploadTest {
  private static final String CLIENT = """
      new rl(`rho:registry:lookup`), ch in {
        rl!(`rho:rchain:revVault`, *ch) |
        for (@(_, revVault) <- ch) { @"revVault"!(revVault) }
      }
      """;

  @TempDir Path dir;

  @Test
  void anUploadWithTheGenesisIsStoredApartAndAnsweredOnIt() throws Exception {
    Assumptions.assumeTrue(Environment.defaultGenesisFolder().isPresent(),
        "the RChain corpus is not found from " + Path.of("").toAbsolutePath() + ": skipped");
    Environment genesis = Environment.genesis(Environment.defaultGenesisFolder().orElseThrow());
    try (ProcessDatabase db = ProcessDatabase.open(dir.resolve("db"), 2)) {
      DatabaseService service = new DatabaseService(db);
      Upload onGenesis = service.stage(new NewProcess(
          "client.rho", "user", SourceFormat.RHOLANG, null, Map.of(), CLIENT, true)).commit();
      Upload alone = service.stage(new NewProcess(
          "client.rho", "user", SourceFormat.RHOLANG, null, Map.of(), CLIENT, false)).commit();
      assertThat(onGenesis.created()).isTrue();
      assertThat(alone.created()).as("the plain upload is another process").isTrue();
      assertThat(onGenesis.process().semantics()).startsWith(Environment.GENESIS_KEY);

      QueryRequest request = QueryRequest.of("eventually contains \"revVault\"!(_)")
          .withEnvironment(genesis);
      QueryResult first = db.query(request);
      assertThat(first.results()).singleElement().satisfies(v -> {
        assertThat(v.id()).isEqualTo(onGenesis.process().id());
        assertThat(v.verdict()).isEqualTo(Verdict.YES);
      });
      QueryResult again = db.query(request);
      assertThat(again.stats().fromCache()).isEqualTo(1);
      assertThat(db.query(QueryRequest.of("eventually contains \"revVault\"!(_)")).results())
          .isEmpty();

      // by id, each runs where it was indexed: the lookup is answered on the genesis only
      assertThat(checkById(service, onGenesis).verdict()).isEqualTo(Verdict.YES);
      assertThat(checkById(service, alone).verdict()).isEqualTo(Verdict.NO);
    }
  }

  private static CheckAnswer checkById(DatabaseService service, Upload upload) {
    CheckSpec spec = new CheckSpec(new CheckSpec.Stored(Long.toString(upload.process().id())),
        "eventually contains \"revVault\"!(_)", Duration.ofMinutes(2));
    return service.prepareCheck(spec).run(Cancellation.NEVER,
        new Deadline(System.nanoTime(), Duration.ofMinutes(2)));
  }
}
