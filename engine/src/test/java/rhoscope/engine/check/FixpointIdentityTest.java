package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rhoscope.engine.Program;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.parse.TypeParser;

/**
 * The sugar and the fixpoints agree on random processes: {@code eventually T} (checked on the
 * fly) with {@code mu X. T or <>X} and {@code mu X. <>X or T} (checked on the graph),
 * {@code always T} with {@code nu X. T and []X}, and {@code not eventually not T} with
 * {@code always T}. The processes have no replicated input, so their state spaces are finite
 * and every check completes.
 */
class FixpointIdentityTest {
  private static final String[] STATE_TYPES = {
    "contains \"a\"!(_)",
    "contains \"b\"!(1)",
    "contains for(\"c\") { true }",
    "deadlock",
    "terminated",
    "race(\"a\")",
    "<\"b\">true",
    "Nil",
    "contains (\"a\"!(_) | \"b\"!(_))",
    "not contains \"c\"!(_) and <>true",
    "contains \"a\"!(0) or [\"a\"]false",
  };

  @Property(tries = 60)
  void sugarAgreesWithItsFixpoints(@ForAll("processes") String process, @ForAll("stateTypes") String t) {
    Program program = CheckFixtures.program(process);
    CheckOptions options = CheckFixtures.OPTIONS.withWorkers(2);
    Verdict eventually = verdict(program, "eventually (" + t + ")", options);
    assertThat(eventually).isNotEqualTo(Verdict.UNKNOWN);
    assertThat(global(program, "mu X. (" + t + ") or <>X", options)).isEqualTo(eventually);
    assertThat(verdict(program, "mu X. <>X or (" + t + ")", options)).isEqualTo(eventually);

    Verdict always = verdict(program, "always (" + t + ")", options);
    assertThat(global(program, "nu X. (" + t + ") and []X", options)).isEqualTo(always);
    assertThat(verdict(program, "nu X. []X and (" + t + ")", options)).isEqualTo(always);
    assertThat(verdict(program, "not eventually not (" + t + ")", options)).isEqualTo(always);
  }

  private static Verdict verdict(Program program, String type, CheckOptions options) {
    CheckResult result = ModelChecker.check(program, TypeParser.parse("<p>", type), options);
    CheckFixtures.assertEvidenceReplays(program, TypeParser.parse("<p>", type).core(), result);
    return result.verdict();
  }

  private static Verdict global(Program program, String type, CheckOptions options) {
    Type core = TypeParser.parse("<p>", type).core();
    CheckResult result = ModelChecker.checkGlobally(program, core, options);
    CheckFixtures.assertEvidenceReplays(program, core, result);
    return result.verdict();
  }

  @Provide
  Arbitrary<String> stateTypes() {
    return Arbitraries.of(STATE_TYPES);
  }

  @Provide
  Arbitrary<String> processes() {
    return Arbitraries.randomValue(random -> new Generator(random).par(3, 2 + random.nextInt(4)));
  }

  /** Random Rholang over the public channels a, b, c: sends, receives, peeks, joins. */
  private static final class Generator {
    private static final String[] CHANNELS = {"a", "b", "c"};
    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    String par(int depth, int parts) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        out.add(thread(depth));
      }
      return out.isEmpty() ? "Nil" : String.join(" | ", out);
    }

    private String thread(int depth) {
      String ch = channel();
      int choice = depth == 0 ? random.nextInt(2) : random.nextInt(7);
      return switch (choice) {
        case 0, 1 -> "@\"" + ch + "\"!(" + random.nextInt(2) + ")";
        case 2, 3 -> "for (@x <- @\"" + ch + "\") { " + par(depth - 1, random.nextInt(3)) + " }";
        case 4 -> "for (@x <<- @\"" + ch + "\") { " + par(depth - 1, random.nextInt(2)) + " }";
        case 5 -> "for (@" + random.nextInt(2) + " <- @\"" + ch + "\") { " + par(depth - 1, random.nextInt(3)) + " }";
        default -> "for (@x <- @\"" + ch + "\" & @y <- @\"" + channel() + "\") { " + par(depth - 1, random.nextInt(2)) + " }";
      };
    }

    private String channel() {
      return CHANNELS[random.nextInt(CHANNELS.length)];
    }
  }
}
