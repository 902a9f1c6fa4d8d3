package rhoscope.indexer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rhoscope.engine.ChannelKind;
import rhoscope.engine.ChannelView;
import rhoscope.engine.Engine;
import rhoscope.engine.Program;
import rhoscope.engine.StateView;
import rhoscope.engine.Trace;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.CheckResult;
import rhoscope.engine.check.ModelChecker;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

class TraceCodecTest {
  private static final Path CONTRACTS = Path.of("..", "datasets", "contracts");

  @Property
  void decodingAnEncodedTraceGivesItBack(
      @ForAll("traces") Optional<Trace> trace, @ForAll("texts") String finalState) {
    String encoded = TraceCodec.encode(trace, finalState);

    assertThat(encoded).startsWith(TraceCodec.VERSION + "\n");
    assertThat(TraceCodec.decode(encoded))
        .contains(new TraceCodec.Decoded(trace, finalState));
  }

  @Test
  void aRowInTheUnversionedTabSeparatedFormatIsNotDecodable() {
    // as earlier releases wrote it: one step a line (channel, message, receiver), then the state
    String old = "\"ping\"\tping!(1)\tfor (x <- ping) { pong!(x) }\npong!(1)";

    assertThat(TraceCodec.decode(old)).isEmpty();
    assertThat(TraceCodec.decode("pong!(1)")).isEmpty();
    assertThat(TraceCodec.decode("")).isEmpty();
  }

  @Test
  void aDamagedOrLaterVersionRowIsNotDecodable() {
    String good = TraceCodec.encode(Optional.of(new Trace(7, List.of(step(1)))), "Nil");

    assertThat(TraceCodec.decode(good.replace("rhoscope-trace/1", "rhoscope-trace/2"))).isEmpty();
    assertThat(TraceCodec.decode(good.replace("\tSTRING\t", "\tNOKIND\t"))).isEmpty();
    assertThat(TraceCodec.decode(good.substring(0, good.indexOf("final")))).isEmpty();
    assertThat(TraceCodec.decode(good.replace("step\t", "step\tzz\t"))).isEmpty();
  }

  /**
   * A dataset witness survives the cache: decoded, it replays on the process compiled afresh (no
   * text compared) and reaches the state the checker reported.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "embrace_deadlock.rho, deadlock_free",
    "embrace_deadlock.rho, eventually contains \"done\"!(\"p1\")",
    "bank_peek_withdraw.rho, eventually contains balance!(< 0)",
    "bank_peek_withdraw.rho, always not contains balance!(< 0)",
    "bank_atomic_withdraw.rho, race_free(balance)",
    "philosophers_cyclic_3.rho, deadlock_free",
  })
  void aDatasetWitnessDecodesAndReplaysToTheCheckersFinalState(String file, String type)
      throws IOException {
    Program program = load(file);
    CheckResult result =
        ModelChecker.check(program, TypeParser.parse("q", type), CheckOptions.defaults());
    assertThat(result.witness()).as(result.reason()).isPresent();
    Trace trace = result.witness().get();
    String finalState = program.replay(trace).getLast().print();

    TraceCodec.Decoded decoded =
        TraceCodec.decode(TraceCodec.encode(result.witness(), finalState)).orElseThrow();

    assertThat(decoded.trace()).contains(trace);
    List<StateView> states = load(file).replay(decoded.trace().orElseThrow());
    assertThat(states).hasSize(trace.steps().size() + 1);
    assertThat(states.getLast().fingerprint()).isEqualTo(trace.last());
    assertThat(states.getLast().print()).isEqualTo(decoded.finalState());
  }

  private static Program load(String file) throws IOException {
    Path path = CONTRACTS.resolve(file);
    return Engine.load(
        ProcessParser.parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
  }

  private static Trace.Step step(int i) {
    return new Trace.Step(
        new Trace.Comm(
            new Trace.Parties(i, 0, List.of(-1L, (long) i)),
            ChannelView.of(ChannelKind.STRING, "ch", i),
            "ch!(" + i + ")",
            "for (x <- ch) { Nil }"),
        i * 31L);
  }

  @Provide
  Arbitrary<Optional<Trace>> traces() {
    Arbitrary<Trace.Parties> parties =
        Combinators.combine(
                Arbitraries.longs(),
                Arbitraries.integers().between(0, 5),
                Arbitraries.longs().list().ofMaxSize(3))
            .as(Trace.Parties::new);
    Arbitrary<ChannelView> channels =
        Combinators.combine(Arbitraries.of(ChannelKind.class), texts(), Arbitraries.longs())
            .as(ChannelView::of);
    Arbitrary<Trace.Step> steps =
        Combinators.combine(parties, channels, texts(), texts(), Arbitraries.longs())
            .as((p, c, m, r, s) -> new Trace.Step(new Trace.Comm(p, c, m, r), s));
    Arbitrary<Trace> traces =
        Combinators.combine(Arbitraries.longs(), steps.list().ofMaxSize(6))
            .as((initial, list) -> new Trace(initial, new ArrayList<>(list)));
    return traces.optional(0.8);
  }

  /** Text with the characters the format escapes: tabs, newlines, backslashes. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars('a', 'b', '\t', '\n', '\\', 't', 'n', ' ', '"', ',', 'é')
        .ofMaxLength(12);
  }
}
