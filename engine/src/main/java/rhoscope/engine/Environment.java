package rhoscope.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import rhoscope.engine.reduce.Genesis;
import rhoscope.engine.reduce.SystemProcesses;
import rhoscope.engine.state.Readback;
import rhoscope.engine.state.Terms;
import rhoscope.lang.ast.process.Proc;

/**
 * What a program runs beside besides its own threads and the system services it names: nothing,
 * or RChain's genesis contracts as a node's genesis leaves them (RevVault, MakeMint, ... in the
 * registry under their URIs).
 */
public final class Environment {
  private static final Environment NONE = new Environment(Optional.empty());

  private final Optional<Genesis> genesis;

  private Environment(Optional<Genesis> genesis) {
    this.genesis = genesis;
  }

  /** Only the program and the system services it names. */
  public static Environment none() {
    return NONE;
  }

  /**
   * The genesis contracts of {@code folder} (RChain's {@code casper/src/main/resources}): each
   * deploy whose header names a {@code rho:id:} URI, with the lookup shorthands of its {@code
   * Registry.rho}. Loaded once per folder and JVM.
   *
   * @throws IllegalArgumentException when the folder holds no usable genesis, or it does not
   *     settle
   */
  public static Environment genesis(Path folder) {
    return new Environment(Optional.of(Genesis.load(folder)));
  }

  /** The corpus copy of RChain's genesis contracts, when it is found (see the CLI's default). */
  public static Optional<Path> defaultGenesisFolder() {
    return Genesis.defaultFolder();
  }

  /**
   * The RChain system URIs rhoscope leaves as free names, each with what a caller that sends there
   * waits for: an analysis can tell a wait on one of these (an open question about the chain)
   * from a wait nobody can end.
   */
  public static Map<String, String> unmodelledSystemNames() {
    return SystemProcesses.UNMODELLED;
  }

  public boolean hasGenesis() {
    return genesis.isPresent();
  }

  /** The genesis deploys by file name, each with the URI it registers; empty without one. */
  public Map<String, String> genesisDeploys() {
    return genesis.map(Genesis::deploys).orElse(Map.of());
  }

  /**
   * How a cache names this environment: {@code none}, or {@code genesis:FOLDER} (its absolute,
   * normalised path), so verdicts on the genesis never answer for the program alone.
   */
  public String key() {
    return genesis.map(g -> GENESIS_KEY + g.folder()).orElse("none");
  }

  /** The key's prefix of an environment with a genesis: {@code genesis:FOLDER}. */
  public static final String GENESIS_KEY = "genesis:";

  /**
   * The environment {@link #key()} names, when it is a genesis's: its folder loaded again (a
   * stored process's semantics names the environment it was indexed on).
   *
   * @throws IllegalArgumentException when the folder holds no usable genesis
   */
  public static Optional<Environment> ofKey(String key) {
    return key.startsWith(GENESIS_KEY)
        ? Optional.of(genesis(Path.of(key.substring(GENESIS_KEY.length()))))
        : Optional.empty();
  }

  /**
   * The genesis state as a process (its threads read back), to analyse beside a program the way
   * it runs; empty without a genesis.
   */
  public Optional<Proc> genesisProcess() {
    return genesis.map(g -> Readback.proc(Terms.par(g.threads())));
  }

  /** A line that says what the environment holds, for a report. */
  public String describe() {
    return genesis.map(g -> "genesis from " + g.folder() + ": " + g.deploys().size()
        + " deploys (" + String.join(", ", g.deploys().keySet().stream().sorted().toList())
        + ") settled after " + g.steps() + " steps").orElse("no genesis");
  }

  Optional<Genesis> genesisState() {
    return genesis;
  }
}
