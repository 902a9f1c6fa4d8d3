package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.parse.ProcessParser;

/** Test processes from {@code check/processes/} and the replay of evidence. */
final class CheckFixtures {
  static final Path PROCESSES = Path.of("src", "test", "resources", "check", "processes");
  static final CheckOptions OPTIONS =
      CheckOptions.defaults().withMaxStates(2000).withTimeout(Duration.ofSeconds(30));

  private CheckFixtures() {}

  static Program load(String name) {
    Path file = PROCESSES.resolve(name + ".rho");
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Engine.load(ProcessParser.parse(file.getFileName().toString(), text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Program program(String source) {
    return Engine.load(ProcessParser.parse("<test>", source));
  }

  /**
   * A witness is present exactly where the type's shape promises it (a yes to an existential
   * type, a no to a universal one), replays from the initial state to the state it names, and
   * that state has (eventually) or violates (always) the type's body.
   */
  static void assertEvidenceReplays(Program program, Type core, CheckResult result) {
    Optional<Shape> shape = Shape.of(core);
    shape.ifPresent(s -> {
      boolean promised =
          result.verdict() != Verdict.UNKNOWN
              && ((result.verdict() == Verdict.YES) == s.positive()) == s.eventually();
      assertThat(result.witness().isPresent()).as("witness for " + result).isEqualTo(promised);
    });
    result.witness().ifPresent(e -> {
      List<StateView> states = program.replay(e);
      assertThat(states).hasSize(e.steps().size() + 1);
      StateView end = states.getLast();
      assertThat(end.fingerprint()).isEqualTo(e.last());
      Shape s = shape.orElseThrow();
      if (s.onTheFly()) {
        assertThat(new LocalEvaluator(program).holds(s.body(), end))
            .as("the final state of " + e)
            .isEqualTo(s.eventually());
      }
    });
  }
}
