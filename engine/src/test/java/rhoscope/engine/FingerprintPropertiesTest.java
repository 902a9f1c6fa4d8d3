package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.print.ProcessPrinter;

/**
 * Fingerprints respect structural congruence: random processes keep their fingerprint under
 * par permutation, added Nils, renaming of input-bound variables and reordering of
 * {@code new} declarations, and change when a payload changes. Each try derives everything
 * from one seed, which the failure message shows (jqwik also reports its own seed).
 */
class FingerprintPropertiesTest {

  @Property(tries = 300)
  void congruentProcessesHaveEqualFingerprints(@ForAll long seed) {
    Random random = new Random(seed);
    Proc p = RandomProcesses.process(random, false);
    Proc q = RandomProcesses.congruent(p, random);
    assertThat(fingerprint(q))
        .as("seed %d:%n%s%nvs%n%s", seed, ProcessPrinter.print(p), ProcessPrinter.print(q))
        .isEqualTo(fingerprint(p));
  }

  @Property(tries = 300)
  void aDifferentPayloadGivesADifferentFingerprint(@ForAll long seed) {
    Random random = new Random(seed);
    Proc p = RandomProcesses.process(random, false);
    Proc q = bumpFirstInt(p, new boolean[1]);
    if (q.equals(p)) {
      return; // no integer to change in this process
    }
    assertThat(fingerprint(q))
        .as("seed %d:%n%s%nvs%n%s", seed, ProcessPrinter.print(p), ProcessPrinter.print(q))
        .isNotEqualTo(fingerprint(p));
  }

  private static long fingerprint(Proc p) {
    return Engine.load(new ParsedProcess("generated", "", p, Positions.empty()))
        .initialState().fingerprint();
  }

  private static Proc bumpFirstInt(Proc p, boolean[] done) {
    if (done[0]) {
      return p;
    }
    return switch (p) {
      case Proc.IntLit i -> {
        done[0] = true;
        yield new Proc.IntLit(i.value() + 1);
      }
      case Proc.Par par -> Proc.Par.of(par.parts().stream().map(x -> bumpFirstInt(x, done)).toList());
      case Proc.New n -> new Proc.New(n.decls(), bumpFirstInt(n.body(), done));
      case Proc.Input in -> new Proc.Input(in.kind(), in.binds(), bumpFirstInt(in.body(), done));
      case Proc.Send s -> new Proc.Send(s.channel(), s.kind(),
          s.args().stream().map(x -> bumpFirstInt(x, done)).toList());
      default -> p;
    };
  }
}
