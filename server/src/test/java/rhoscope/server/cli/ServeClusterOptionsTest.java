package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster options of serve are refused together, before any database or member starts. */
class ServeClusterOptionsTest {
  @TempDir Path tmp;

  private record Run(int exit, String err) {}

  private Run serve(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "serve";
    args[1] = "--db";
    args[2] = tmp.resolve("db").toString();
    args[3] = "--port";
    args[4] = "0";
    System.arraycopy(options, 0, args, 5, options.length);
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    return new Run(exit, err.toString());
  }

  @Test
  void aClusterNeedsItsMemberPortAndMembers() {
    Run r = serve("--cluster", "demo", "--members", "127.0.0.1:5701");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--cluster needs --member-port M and --members");
    assertThat(tmp.resolve("db")).doesNotExist();
  }

  @Test
  void memberOptionsWithoutAClusterAreRefused() {
    Run r = serve("--member-port", "5701");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--member-port and --members need --cluster NAME");
  }

  @Test
  void aMemberWithoutAPortIsBadInput() {
    Run r = serve("--cluster", "demo", "--member-port", "5701", "--members", "127.0.0.1");
    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("'127.0.0.1' has no port");
    assertThat(tmp.resolve("db")).doesNotExist();
  }
}
