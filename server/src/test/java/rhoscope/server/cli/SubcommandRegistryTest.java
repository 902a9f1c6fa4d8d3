package rhoscope.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static rhoscope.server.cli.CliRun.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SubcommandRegistryTest {

  @Test
  void eachSubcommandIsRegisteredUnderTheNameItsAnnotationGivesIt() {
    Main.SUBCOMMANDS.forEach(
        (name, type) -> assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
  }

  @Test
  void aCommandLineNamingASubcommandBuildsOnlyThatOne() {
    assertThat(Main.needed(new String[] {"parse", "x.rho"})).containsExactly(ParseCommand.class);
    assertThat(Main.needed(new String[] {"serve", "--port", "0"})).containsExactly(ServeCommand.class);
  }

  @Test
  void aBareVersionRequestBuildsNone() {
    assertThat(Main.needed(new String[] {"--version"})).isEmpty();
    assertThat(Main.needed(new String[] {"-V"})).isEmpty();
  }

  @Test
  void helpUsageErrorsAndNoArgumentsBuildThemAll() {
    List<Class<?>> all = List.copyOf(Main.SUBCOMMANDS.values());
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"help", "parse"},
            new String[] {"--help"},
            new String[] {"pars"},
            new String[] {"-V", "parse"})) {
      assertThat(Main.needed(args)).as(String.join(" ", args)).isEqualTo(all);
    }
  }

  @Test
  void theHelpListsEverySubcommandInRegistryOrder() {
    String help = run("--help").out();
    int last = -1;
    for (String name : Main.SUBCOMMANDS.keySet()) {
      int at = help.indexOf("\n  " + name + " ");
      assertThat(at).as(name).isGreaterThan(last);
      last = at;
    }
  }

  @Test
  void aSubcommandBuiltAloneHasTheSameHelpAsInTheWholeTree() {
    for (String name : Main.SUBCOMMANDS.keySet()) {
      if (name.equals("help")) {
        continue;
      }
      assertThat(run(name, "--help").out()).as(name).isEqualTo(run("help", name).out());
    }
  }

  @Test
  void aMistypedSubcommandIsStillSuggested() {
    CliRun r = run("pars");
    assertThat(r.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(r.err()).contains("Did you mean: rhoscope parse?");
  }
}
