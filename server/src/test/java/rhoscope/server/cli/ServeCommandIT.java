package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.TestHttp;

class ServeCommandIT {
  static final Path CONTRACTS = Path.of("..", "datasets", "contracts");

  @TempDir Path dir;

  private ServeCommand parse(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void anEmptyDatabaseIsFilledFromTheDatasetsThenServed() throws Exception {
    Path datasets = Files.createDirectories(dir.resolve("datasets").resolve("contracts"));
    for (String f : new String[] {"embrace_deadlock.rho", "mutex_lock.rho"}) {
      Files.copy(CONTRACTS.resolve(f), datasets.resolve(f));
    }
    StringWriter log = new StringWriter();
    ServeCommand command =
        parse("--db", dir.resolve("db").toString(), "--port", "0", "--token", "abc",
            "--datasets", dir.resolve("datasets").toString());
    RhoscopeServer server = command.start(new PrintWriter(log, true));
    try {
      TestHttp http = new TestHttp(server.port());
      assertThat(http.get("/api/health").json().get("processes").asLong()).isEqualTo(2);
      assertThat(log.toString()).contains("indexed 2 processes").contains("serving 2 processes");
      JsonNode answer = http.post("/api/query", Map.of("type", "eventually deadlock")).json();
      assertThat(answer.get("matches")).hasSize(1);
      assertThat(
              http.post("/api/processes", Map.of("name", "x", "source", "Nil"), "abc").status())
          .isEqualTo(201);
    } finally {
      server.stop();
    }

    // A second start finds the database filled and does not index again.
    StringWriter again = new StringWriter();
    RhoscopeServer second =
        parse("--db", dir.resolve("db").toString(), "--port", "0",
                "--datasets", dir.resolve("datasets").toString())
            .start(new PrintWriter(again, true));
    try {
      assertThat(again.toString()).doesNotContain("indexing").contains("serving 3 processes");
      assertThat(again.toString()).contains("writes disabled");
    } finally {
      second.stop();
    }
  }

  @Test
  void aDatasetsFolderThatDoesNotExistIsAnErrorNotAnEmptyServer() {
    Path missing = dir.resolve("no-such-folder");
    StringWriter log = new StringWriter();
    ServeCommand command =
        parse("--db", dir.resolve("db").toString(), "--port", "0", "--datasets", missing.toString());
    assertThatThrownBy(() -> command.start(new PrintWriter(log, true)).stop())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--datasets " + missing + " does not exist");
    assertThat(log.toString()).doesNotContain("serving");
    assertThat(Main.run(
            new String[] {"serve", "--db", dir.resolve("db").toString(), "--port", "0",
                "--datasets", missing.toString()},
            new PrintWriter(new StringWriter(), true), new PrintWriter(log, true)))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(log.toString().strip()).isEqualTo("rhoscope: --datasets " + missing + " does not exist");
  }

  @Test
  void aPortInUseIsOneClearMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      ServeCommand command =
          parse("--db", dir.resolve("db").toString(), "--port", Integer.toString(port),
              "--datasets", dir.toString());
      assertThatThrownBy(() -> command.start(new PrintWriter(new StringWriter(), true)).stop())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("port " + port + " is in use; pick another with --port");
    }
    // Nothing was left open: the same database serves on a free port.
    Path empty = Files.createDirectories(dir.resolve("empty"));
    RhoscopeServer server =
        parse("--db", dir.resolve("db").toString(), "--port", "0", "--datasets", empty.toString())
            .start(new PrintWriter(new StringWriter(), true));
    server.stop();
  }

  @Test
  void theShippedDatasetsAreFoundFromTheModuleFolder() {
    assertThat(ServeCommand.findDatasets()).isPresent();
  }
}
