package rhoscope.engine.reduce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import rhoscope.lang.parse.ProcessParser;

/**
 * RChain's genesis contracts as the environment a program runs in, the way a node's genesis
 * block leaves them: each deploy of the folder (ListOps, Either, MakeMint, RevVault, ...) runs
 * beside rhoscope's registry until nothing more can happen, and the program starts in the
 * state that remains, so {@code rho:registry:lookup} of {@code rho:rchain:revVault} answers the
 * real RevVault.
 *
 * <p>How it mirrors the node: a deploy file names its registry URI in its header ({@code uri =
 * rho:id:...}); each deploy has its own deployer identity ({@code rho:rchain:deployerId} of the
 * file stands for {@code rho:rchain:deployerId:genesis:NAME}), and the registry registers that
 * deployer's {@code insertSigned} under the file's URI, where RChain derives the URI from the
 * deployer's public key; the deployer's public key is the one the header names ({@code pk =
 * 04...}), which {@code rho:rchain:deployerId:ops} and {@code rho:rev:address} answer for it. The
 * lookup shorthands ({@code rho:rchain:revVault} and the like) are
 * read from the folder's {@code Registry.rho}; the rest of that file is replaced by rhoscope's
 * registry and by {@code genesis-prelude.rho} (its TreeHashMap, system contract manager and
 * coop key check, which rest on hashes of byte arrays).
 *
 * <p>The genesis runs along one path (the first COMM each state offers, deterministically), as a
 * node's genesis is one history; its states are not explored. Its private names are numbered
 * from {@link #PRIVATE_BASE} so that they never meet the program's before the first
 * canonical renumbering.
 */
public final class Genesis {
  /** Private names of the genesis state start here, below the runner's step numbering. */
  static final int PRIVATE_BASE = 1 << 20;
  /** A genesis that has not settled after this many COMMs is reported as an error. */
  static final int MAX_STEPS = 200_000;
  static final String DEPLOYER = "rho:rchain:deployerId";
  static final String DEPLOYER_PREFIX = DEPLOYER + ":genesis:";
  private static final String PRELUDE = "genesis-prelude.rho";
  private static final Pattern HEADER_URI = Pattern.compile("\\buri\\s*=\\s*(rho:id:[a-z0-9]+)");
  private static final Pattern HEADER_KEY = Pattern.compile("\\bpk\\s*=\\s*(04[0-9a-fA-F]{128})\\b");
  private static final Pattern SHORTHAND =
      Pattern.compile("`(rho:[A-Za-z0-9:]+)`\\s*:\\s*`(rho:id:[a-z0-9]+)`");
  private static final Map<Path, Genesis> LOADED = new ConcurrentHashMap<>();

  private final Path folder;
  private final Map<String, String> deploys;
  private final Map<String, String> shorthands;
  private final List<Term> threads;
  private final Set<String> served;
  private final int steps;

  private Genesis(Path folder, Map<String, String> deploys, Map<String, String> shorthands,
      List<Term> threads, Set<String> served, int steps) {
    this.folder = folder;
    this.deploys = Map.copyOf(deploys);
    this.shorthands = Map.copyOf(shorthands);
    this.threads = List.copyOf(threads);
    this.served = Set.copyOf(served);
    this.steps = steps;
  }

  /**
   * The genesis of the contracts in {@code folder}, run once per folder and JVM.
   *
   * @throws IllegalArgumentException when the folder is missing, has no {@code Registry.rho}
   *     shorthand table or no deploy with a header URI, or its genesis does not settle
   * @throws rhoscope.lang.diag.LangException when a deploy does not parse or compile
   */
  public static Genesis load(Path folder) {
    return LOADED.computeIfAbsent(folder.toAbsolutePath().normalize(), Genesis::build);
  }

  /**
   * The corpus copy of RChain's genesis contracts, looked for as {@code
   * shared/corpus/rholang/rchain/casper/src/main/resources} under the working directory, its
   * parent or the parent's parent (a checkout's module folder).
   */
  public static Optional<Path> defaultFolder() {
    Path rel = Path.of("shared", "corpus", "rholang", "rchain", "casper", "src", "main",
        "resources");
    return Stream.of(rel, Path.of("..").resolve(rel), Path.of("..", "..").resolve(rel))
        .filter(p -> Files.isRegularFile(p.resolve("Registry.rho"))).findFirst();
  }

  public Path folder() {
    return folder;
  }

  /** Each deploy's file name with the URI it registers. */
  public Map<String, String> deploys() {
    return deploys;
  }

  /** Lookup shorthands (rho:rchain:revVault ...) with the URI each stands for. */
  public Map<String, String> shorthands() {
    return shorthands;
  }

  /** How many COMMs the genesis took to settle. */
  public int steps() {
    return steps;
  }

  /** The threads the genesis left, private names numbered from {@link #PRIVATE_BASE}. */
  public List<Term> threads() {
    return threads;
  }

  /** The system URIs the genesis state already serves. */
  Set<String> served() {
    return served;
  }

  private static Genesis build(Path folder) {
    try {
      return run(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the genesis folder " + folder, e);
    }
  }

  private static Genesis run(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("the genesis folder " + folder + " does not exist");
    }
    Path registry = folder.resolve("Registry.rho");
    if (!Files.isRegularFile(registry)) {
      throw new IllegalArgumentException("no Registry.rho in " + folder
          + ": its shorthand table names the URIs of the genesis contracts");
    }
    Map<String, String> shorthands = new LinkedHashMap<>();
    Matcher sm = SHORTHAND.matcher(Files.readString(registry, StandardCharsets.UTF_8));
    while (sm.find()) {
      shorthands.put(sm.group(1), sm.group(2));
    }
    if (shorthands.isEmpty()) {
      throw new IllegalArgumentException(registry + " has no shorthand table (`rho:...` :"
          + " `rho:id:...` entries)");
    }
    Map<String, String> deploys = new LinkedHashMap<>();
    Map<String, String> signers = new LinkedHashMap<>();
    Map<String, String> keys = new LinkedHashMap<>();
    List<Term> parts = new ArrayList<>();
    Set<String> used = new HashSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".rho"))
          .filter(p -> !p.getFileName().toString().startsWith("Registry")).sorted().toList();
    }
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Matcher m = HEADER_URI.matcher(text);
      if (!m.find()) {
        continue;
      }
      String name = f.getFileName().toString();
      String deployer = DEPLOYER_PREFIX + name.substring(0, name.length() - ".rho".length());
      deploys.put(name, m.group(1));
      signers.put(deployer, m.group(1));
      Matcher key = HEADER_KEY.matcher(text);
      if (key.find()) {
        keys.put(deployer, key.group(1).toLowerCase(Locale.ROOT));
      }
      Compiler.Compiled c = Compiler.compile(ProcessParser.parse(f.toString(), text),
          SystemProcesses.served(), Map.of(DEPLOYER, deployer));
      parts.add(c.term());
      used.addAll(c.uris());
    }
    if (deploys.isEmpty()) {
      throw new IllegalArgumentException("no genesis deploy in " + folder
          + " (a .rho file whose header names its registry URI as 'uri = rho:id:...')");
    }
    Compiler.Compiled prelude = Compiler.compile(
        ProcessParser.parse("<genesis prelude>", prelude()), SystemProcesses.served(), Map.of());
    parts.add(prelude.term());
    used.addAll(prelude.uris());
    parts.add(SystemProcesses.compile("registry",
        SystemProcesses.registrySource(shorthands, signers)));
    parts.add(SystemProcesses.compile("deployers", SystemProcesses.deployerSource(keys)));
    Set<String> provided = new HashSet<>(SystemProcesses.REGISTRY);
    provided.addAll(SystemProcesses.DEPLOYER_SERVICES);
    parts.addAll(SystemProcesses.servicesFor(used, provided));
    Machine machine = new Machine(
        new Compiler.Compiled(Terms.par(parts), true, Set.of()), List.of(), false);
    int[] state = machine.initial();
    int steps = 0;
    for (int[] next = firstSuccessor(machine, state); next != null;
        next = firstSuccessor(machine, state)) {
      state = next;
      if (++steps > MAX_STEPS) {
        throw new IllegalArgumentException("the genesis in " + folder + " did not settle within "
            + MAX_STEPS + " steps");
      }
    }
    List<Term> threads = new ArrayList<>(state.length);
    for (int id : state) {
      threads.add(Terms.rename(machine.thread(id).term(),
          p -> new Term.Priv(p.ident(), p.index() + PRIVATE_BASE)));
    }
    Set<String> served = new HashSet<>(provided);
    SystemProcesses.served().stream().filter(used::contains).forEach(served::add);
    return new Genesis(folder, deploys, shorthands, threads, served, steps);
  }

  private static int[] firstSuccessor(Machine machine, int[] state) {
    int[][] next = new int[1][];
    boolean[] taken = new boolean[1];
    machine.expander().expand(state, machine.fingerprint(state), new Expander.Sink() {
      @Override
      public boolean edge(long fp, int recv, int branch, int[] sends, int n) {
        if (taken[0]) {
          return false;
        }
        taken[0] = true;
        return true;
      }

      @Override
      public void state(int[] s) {
        next[0] = s.clone();
      }
    });
    return next[0];
  }

  private static String prelude() throws IOException {
    try (InputStream in = Genesis.class.getResourceAsStream(PRELUDE)) {
      if (in == null) {
        throw new IllegalStateException("the engine's " + PRELUDE + " is missing from its jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
