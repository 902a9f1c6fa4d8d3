package rhoscope.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rhoscope.engine.Program;
import rhoscope.engine.explore.ExploreOptions;
import rhoscope.engine.explore.ExploreResult;
import rhoscope.engine.explore.Explorer;
import rhoscope.engine.explore.PartialOrder;
import rhoscope.lang.ParsedType;
import rhoscope.lang.parse.TypeParser;

/**
 * On random processes, every verdict with the partial-order reduction equals the verdict
 * without it, the evidence found with it replays, and a reduced exploration finds every deadlock
 * and terminated state the full one finds, with the same count for any number of workers. The processes mix public and private
 * channels, name passing (a received name used as a channel), received processes that run,
 * peeks, joins, selects and contracts, so that groups are closed for every reason there is.
 */
class PartialOrderPropertiesTest {
  private static final String[] TYPES = {
    "deadlock_free",
    "can_deadlock",
    "can_terminate",
    "eventually (deadlock and contains \"a\"!(_))",
    "eventually contains \"a\"!(1)",
    "eventually contains (\"b\"!(_) | \"d\"!(_))",
    "always not contains (\"a\"!(_) | \"e\"!(_))",
    "always (contains \"c\"!(_) or not contains for(\"c\") { true })",
    "eventually contains for(\"d\") { true }",
    "eventually contains for(n0) { true }",
    "always not contains contract \"e\"",
    "eventually (contains \"b\"!(0) and not contains \"c\"!(_))",
  };
  private static final Pattern PRIVATE = Pattern.compile("\\bn(\\d+)\\b");
  private static final CheckOptions OPTIONS =
      CheckOptions.defaults().withMaxStates(20_000).withTimeout(Duration.ofSeconds(30));

  @Property(tries = 200)
  void theReductionKeepsEveryVerdict(
      @ForAll("processes") String process, @ForAll("types") String type) {
    Program program = CheckFixtures.program(process);
    ParsedType parsed = TypeParser.parse("<type>", type);
    CheckResult exact = ModelChecker.check(program, parsed, OPTIONS.withPartialOrder(false));
    if (exact.verdict() == Verdict.UNKNOWN) {
      return; // the full space is beyond the bound: nothing to compare with
    }
    for (int workers : new int[] {1, 2}) {
      CheckResult reduced = ModelChecker.check(program, parsed, OPTIONS.withWorkers(workers));
      assertThat(reduced.verdict())
          .as("%s : %s with %d workers (%s)%n%s", type, reduced.reduction(), workers,
              reduced.reason(), process)
          .isEqualTo(exact.verdict());
      assertThat(reduced.states()).isLessThanOrEqualTo(exact.states());
      CheckFixtures.assertEvidenceReplays(program, parsed.core(), reduced);
    }
  }

  @Property(tries = 200)
  void theReductionKeepsEveryStuckState(@ForAll("processes") String process) {
    Program program = CheckFixtures.program(process);
    ExploreOptions full = ExploreOptions.defaults().withMaxStates(20_000).withWorkers(2);
    ExploreResult exact = Explorer.explore(program, full);
    if (!exact.complete()) {
      return;
    }
    for (PartialOrder order : List.of(PartialOrder.stuckStates(),
        PartialOrder.observing(channel -> channel.label().equals("a")))) {
      ExploreResult reduced = Explorer.explore(program, full.withReduction(order));
      assertThat(reduced.complete()).isTrue();
      assertThat(reduced.deadlockedStates()).as("deadlocks, %s%n%s", order, process)
          .isEqualTo(exact.deadlockedStates());
      assertThat(reduced.terminalStates()).as("terminated states, %s%n%s", order, process)
          .isEqualTo(exact.terminalStates());
      assertThat(reduced.distinctStates()).isLessThanOrEqualTo(exact.distinctStates());
      assertThat(Explorer.sequential(program, full.withReduction(order)).distinctStates())
          .as("sequential and parallel agree, %s%n%s", order, process)
          .isEqualTo(reduced.distinctStates());
    }
  }

  /**
   * The identifiers of private names nothing observes are not part of a state's identity, so a
   * program whose names are renamed is the same program: the reduced exploration has the same
   * count, sequential or parallel. The process is two copies of one random process, under
   * different identifiers, so that receives alike but for their names meet in states where the
   * copies have moved apart; the renaming reverses the order of the identifiers, which changes
   * how the copies of each state order their threads: a reduction that chose groups by anything
   * but the state up to renaming would count differently.
   */
  @Property(tries = 500)
  void theReducedCountDoesNotDependOnTheIdentifiersOfPrivateNames(
      @ForAll("twins") String process) {
    ExploreOptions options = ExploreOptions.defaults().withMaxStates(20_000).withWorkers(2);
    Program program = CheckFixtures.program(process);
    Program renamed = CheckFixtures.program(reverseIdentifiers(process));
    for (PartialOrder order : List.of(PartialOrder.stuckStates(),
        PartialOrder.observing(channel -> channel.label().equals("a")))) {
      ExploreOptions reduced = options.withReduction(order);
      ExploreResult sequential = Explorer.sequential(program, reduced);
      if (!sequential.complete()) {
        return;
      }
      for (ExploreResult other : List.of(Explorer.sequential(renamed, reduced),
          Explorer.explore(program, reduced), Explorer.explore(renamed, reduced),
          Explorer.explore(renamed, reduced.withWorkers(4)))) {
        assertThat(other.distinctStates()).as("%s%n%s", order, process)
            .isEqualTo(sequential.distinctStates());
        assertThat(other.deadlockedStates()).isEqualTo(sequential.deadlockedStates());
      }
    }
  }

  /** {@code process} with its private identifiers n0..nk renamed to nk..n0. */
  private static String reverseIdentifiers(String process) {
    Matcher m = PRIVATE.matcher(process);
    int last = -1;
    while (m.find()) {
      last = Math.max(last, Integer.parseInt(m.group(1)));
    }
    int top = last;
    return PRIVATE.matcher(process).replaceAll(r -> "n" + (top - Integer.parseInt(r.group(1))));
  }

  @Provide
  Arbitrary<String> twins() {
    return Arbitraries.randomValue(random -> {
      String one = new Generator(random).scoped(2, 3 + random.nextInt(4));
      // the copy's identifiers lie past every identifier of the first (each is n0 or n1)
      String other = PRIVATE.matcher(one)
          .replaceAll(r -> "n" + (Integer.parseInt(r.group(1)) + 2));
      return one + " | " + other;
    });
  }

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.of(TYPES);
  }

  @Provide
  Arbitrary<String> processes() {
    return Arbitraries.randomValue(random -> new Generator(random).par(3, 3 + random.nextInt(6)));
  }

  /** Random Rholang over the public channels a to e and private names declared on the way. */
  private static final class Generator {
    private static final String[] PUBLIC = {"a", "b", "c", "d", "e"};
    /** Each top-level thread mostly keeps to one group, so that groups can be independent. */
    private static final String[][] GROUPS = {{"a", "b"}, {"c", "d"}, {"e", "b"}, {"d", "a"}};
    private final Random random;
    private int fresh;
    private String[] home = PUBLIC;
    /** One in this many channels is a private name, where one is in scope. */
    private int privateOdds = 3;
    /** Whether threads may declare names of their own (a {@code new} under a receive). */
    private boolean nestedNews = true;

    Generator(Random random) {
      this.random = random;
    }

    String par(int depth, int parts) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        home = GROUPS[random.nextInt(GROUPS.length)];
        out.add(thread(depth, List.of()));
      }
      return String.join(" | ", out);
    }

    /**
     * Threads under two private names of their own, which they use as often as public ones, and
     * no other {@code new}: one under a receive is part of that receive's term, identifier
     * included (the identity keeps it, see engine/API.md), so renaming it makes another program.
     */
    String scoped(int depth, int parts) {
      String x = "n" + fresh++;
      String y = "n" + fresh++;
      home = GROUPS[random.nextInt(GROUPS.length)];
      privateOdds = 1 + random.nextInt(2);
      nestedNews = false;
      List<String> out = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        // as many messages as receives, so that the receives fire
        out.add(thread(i % 2 == 0 ? 0 : depth, List.of(x, y)));
      }
      return "new " + x + ", " + y + " in { " + String.join(" | ", out) + " }";
    }

    private String par(int depth, int parts, List<String> names) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        out.add(thread(depth, names));
      }
      return out.isEmpty() ? "Nil" : String.join(" | ", out);
    }

    private String thread(int depth, List<String> names) {
      int choice = depth == 0 ? random.nextInt(3) : random.nextInt(14);
      String ch = channel(names);
      return switch (choice) {
        case 0, 1 -> ch + "!(" + random.nextInt(2) + ")";
        case 2 -> names.isEmpty() ? ch + "!(0)" : ch + "!(*" + pick(names) + ")";
        case 3, 4 -> "for (@x <- " + ch + ") { " + par(depth - 1, random.nextInt(3), names) + " }";
        case 5 -> "for (@x <<- " + ch + ") { " + par(depth - 1, random.nextInt(2), names) + " }";
        case 6 -> "for (@" + random.nextInt(2) + " <- " + ch + ") { "
            + par(depth - 1, random.nextInt(3), names) + " }";
        case 7 -> "for (@x <- " + ch + " & @y <- " + channel(names) + ") { "
            + par(depth - 1, random.nextInt(2), names) + " }";
        // a received name used as a channel: only the run knows where the reply goes
        case 8 -> "for (r <- " + ch + ") { r!(1) | " + par(depth - 1, random.nextInt(2), names)
            + " }";
        // a received process runs
        case 9 -> "for (@p <- " + ch + ") { p }";
        case 10 -> ch + "!(" + channel(names) + "!(" + random.nextInt(2) + "))";
        case 11 -> {
          if (!nestedNews) {
            yield ch + "!(" + random.nextInt(2) + ")";
          }
          String n = "n" + fresh++;
          List<String> inner = new ArrayList<>(names);
          inner.add(n);
          yield "new " + n + " in { " + par(depth - 1, 1 + random.nextInt(3), inner) + " }";
        }
        case 12 -> "select { @x <- " + ch + " => { " + par(depth - 1, random.nextInt(2), names)
            + " }  @y <- " + channel(names) + " => { " + par(depth - 1, random.nextInt(2), names)
            + " } }";
        // a contract; when it answers on its own channel, a cycle
        default -> "for (@x <= " + ch + ") { " + channel(names) + "!(x) }";
      };
    }

    private String channel(List<String> names) {
      if (!names.isEmpty() && random.nextInt(privateOdds) == 0) {
        return pick(names);
      }
      String[] from = random.nextInt(8) == 0 ? PUBLIC : home;
      return "@\"" + from[random.nextInt(from.length)] + "\"";
    }

    private String pick(List<String> from) {
      return from.get(random.nextInt(from.size()));
    }
  }
}
