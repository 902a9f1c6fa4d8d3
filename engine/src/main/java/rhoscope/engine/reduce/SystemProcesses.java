package rhoscope.engine.reduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import rhoscope.engine.state.Term;
import rhoscope.lang.parse.ProcessParser;

/**
 * RChain's system processes whose behaviour is fixed and local, as ordinary Rholang: a
 * program that mentions one of their URIs runs with the service beside it, so states, steps
 * and witnesses show it like any other thread.
 *
 * <p>Output leaves the system, so the printing services consume their message; the {@code
 * Ack} variants then send {@code Nil} on the name given as second argument (as RChain's do).
 *
 * <p>The registry keeps each entry as a message on {@code @(`rho:registry:entry`, uri)};
 * {@code lookup} peeks at it, so a URI nobody inserted waits for ever (a deadlock the checker
 * reports). {@code insertArbitrary} names its entries {@code rho:id:arbitrary0}, {@code
 * rho:id:arbitrary1}, ... from a counter kept as a message: RChain derives the URI from a
 * fresh unforgeable name, but a URI computed from a private name's number would not follow
 * the canonical renumbering of private names, and a counter keeps congruent states equal.
 * {@code insertSigned:secp256k1} registers under the URI of a known signer (the genesis
 * deploys, see {@link Genesis}); RChain derives it from the deployer's public key, which
 * rhoscope does not have, so any other deployer's call goes to {@link #INSERT_SIGNED_UNSUPPORTED}
 * and waits there.
 *
 * <p>The crypto services ({@code rho:crypto:sha256Hash}, {@code keccak256Hash}, {@code
 * blake2b256Hash}, {@code secp256k1Verify}, {@code ed25519Verify}) answer on the return channel
 * as rnode does ({@link Crypto}); a call whose data is not a byte array makes the service's
 * thread fail, so its caller waits for ever, as on a node.
 *
 * <p>The deployer services ({@link #deployerSource}) answer from a table of deployer identities
 * and their public keys: {@code rho:rchain:deployerId:ops} {@code pubKeyBytes} answers the key
 * (Nil for a name that is no deployer's identity, as rnode does), and {@code rho:rev:address}
 * answers REV addresses as rnode's {@code RevAddress} makes them ({@link RevAddress}): {@code
 * validate} (Nil, or why the text is no address; Nil for a non-string, as rnode), {@code
 * fromPublicKey}, {@code fromDeployerId} (Nil for a key or identity it cannot use) and {@code
 * fromUnforgeable}, which numbers the unforgeable names it is asked about in a table kept as a
 * message (a name, a private name of the state, follows canonical renumbering; its number does
 * not have to), so the same name always has the same address. A program's own deployer ({@code
 * rho:rchain:deployerId}) has the key {@link #DEPLOYER_KEY}; each genesis deploy's the key its
 * header names. {@code rho:block:data} answers {@code (BLOCK_NUMBER, BLOCK_SENDER)} as the
 * corpus's RChain contracts receive them ({@code for (@blockNumber, @sender <- ret)}; later rnode
 * versions add a timestamp between them, which a caller written for them waits for). The URIs of
 * {@link #UNMODELLED} stay free names.
 */
public final class SystemProcesses {
  private SystemProcesses() {}

  public static final String LOOKUP = "rho:registry:lookup";
  public static final String INSERT_ARBITRARY = "rho:registry:insertArbitrary";
  public static final String INSERT_SIGNED = "rho:registry:insertSigned:secp256k1";
  /** Where an insertSigned call waits when rhoscope cannot tell the signer's URI. */
  public static final String INSERT_SIGNED_UNSUPPORTED = "rho:registry:insertSigned:unsupported";
  public static final String DEPLOYER_OPS = "rho:rchain:deployerId:ops";
  public static final String REV_ADDRESS = "rho:rev:address";
  public static final String BLOCK_DATA = "rho:block:data";
  /** The table of unforgeable names {@code fromUnforgeable} has numbered, as a message. */
  static final String UNFORGEABLES = "rho:rev:unforgeables";
  /**
   * The public key of a program's own deployer ({@code rho:rchain:deployerId}): secp256k1's
   * generator, the key of the private key 1, a key anyone can check (its Ethereum address is
   * {@code 0x7e5f4552091a69125d5dfcb7b8c2659029395bdf}).
   */
  public static final String DEPLOYER_KEY = "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
      + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
  /** The block number {@code rho:block:data} answers: the first block after genesis. */
  public static final long BLOCK_NUMBER = 1;
  /** The block's sender (a validator's public key) {@code rho:block:data} answers. */
  public static final String BLOCK_SENDER = DEPLOYER_KEY;
  /** The program's own deployer identity. */
  static final String DEPLOYER = "rho:rchain:deployerId";
  /** The registry entry of {@code uri} is a message on {@code @(ENTRY, uri)}. */
  static final String ENTRY = "rho:registry:entry";
  /** The prefix of the URIs insertArbitrary answers; a counter gives the rest. */
  static final String ARBITRARY_PREFIX = "rho:id:arbitrary";
  /** The method that turns the registry's counter into a URI: reserved for the services. */
  static final String URI_METHOD = "registryUri";
  /**
   * The registry's directory: each inserted value whose process is a private name {@code *x}
   * (bare or bundled) is also a message on {@code @(DIRECTORY, "x")}, so a client that knows the
   * contract's identifier finds its channel whatever the order of the insertions (the counter
   * that names a URI depends on it).
   */
  public static final String DIRECTORY = "rho:registry:directory";
  /** The method that names a value for the directory (its private name's identifier, or Nil). */
  static final String TAG_METHOD = "registryTag";
  /** {@code bytes.systemHash("sha256")}: the crypto services' hash (see {@link Crypto}). */
  static final String HASH_METHOD = "systemHash";
  /** {@code data.systemVerify("ed25519", signature, key)}: their signature check. */
  static final String VERIFY_METHOD = "systemVerify";
  /** {@code x.systemRevAddress("validate")} and the like: the REV address service's work. */
  static final String REV_METHOD = "systemRevAddress";
  /** Methods only the system services may call. */
  static final Set<String> RESERVED_METHODS =
      Set.of(URI_METHOD, TAG_METHOD, HASH_METHOD, VERIFY_METHOD, REV_METHOD);

  /** The URIs the registry service serves. */
  static final Set<String> REGISTRY = Set.of(LOOKUP, INSERT_ARBITRARY, INSERT_SIGNED);

  /** The URIs the deployer services serve, one service for both. */
  static final Set<String> DEPLOYER_SERVICES = Set.of(DEPLOYER_OPS, REV_ADDRESS);

  /** Unmodelled system URIs, each with what a caller waits for when it sends there. */
  public static final Map<String, String> UNMODELLED = unmodelled();

  private static final Map<String, String> SERVICES = services();
  private static final Map<String, Term> COMPILED = new ConcurrentHashMap<>();

  private static Map<String, String> unmodelled() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rho:registry:ops", "a URI built from a byte array");
    m.put(INSERT_SIGNED_UNSUPPORTED,
        "the URI of a signed insertion, which RChain derives from the deployer's public key");
    return Map.copyOf(m);
  }

  /** The output streams and the crypto services, by URI. */
  private static Map<String, String> services() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String stream : List.of("stdout", "stderr")) {
      m.put("rho:io:" + stream,
          "new out(`rho:io:" + stream + "`) in { for (@_ <= out) { Nil } }");
      m.put("rho:io:" + stream + "Ack",
          "new out(`rho:io:" + stream + "Ack`) in { for (@_, ack <= out) { ack!(Nil) } }");
    }
    for (String hash : List.of("blake2b256", "keccak256", "sha256")) {
      m.put("rho:crypto:" + hash + "Hash", "new h(`rho:crypto:" + hash + "Hash`) in {"
          + " for (@data, ret <= h) { ret!(data." + HASH_METHOD + "(\"" + hash + "\")) } }");
    }
    m.put(BLOCK_DATA, "new bd(`" + BLOCK_DATA + "`) in { for (ret <= bd) { ret!(" + BLOCK_NUMBER
        + ", \"" + BLOCK_SENDER + "\".hexToBytes()) } }");
    for (String scheme : List.of("secp256k1", "ed25519")) {
      m.put("rho:crypto:" + scheme + "Verify", "new v(`rho:crypto:" + scheme + "Verify`) in {"
          + " for (@data, @signature, @key, ret <= v) {"
          + " ret!(data." + VERIFY_METHOD + "(\"" + scheme + "\", signature, key)) } }");
    }
    return m;
  }

  /** Every URI a service of this class serves. */
  static Set<String> served() {
    return Stream.of(SERVICES.keySet(), REGISTRY, DEPLOYER_SERVICES).flatMap(Set::stream)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The services for the URIs in {@code used} that {@code provided} does not already serve, as
   * compiled threads in a fixed order; the registry has no shorthands and no known signer.
   */
  static List<Term> servicesFor(Set<String> used, Set<String> provided) {
    List<String> keys = new ArrayList<>();
    SERVICES.keySet().stream().filter(used::contains).filter(u -> !provided.contains(u))
        .forEach(keys::add);
    if (REGISTRY.stream().anyMatch(used::contains) && REGISTRY.stream().noneMatch(provided::contains)) {
      keys.add(LOOKUP);
    }
    if (DEPLOYER_SERVICES.stream().anyMatch(used::contains)
        && DEPLOYER_SERVICES.stream().noneMatch(provided::contains)) {
      keys.add(DEPLOYER_OPS);
    }
    return keys.stream()
        .map(k -> COMPILED.computeIfAbsent(k, u -> compile(u, SERVICES.containsKey(u)
            ? SERVICES.get(u)
            : u.equals(LOOKUP) ? registrySource(Map.of(), Map.of()) : deployerSource(Map.of()))))
        .toList();
  }

  static Term compile(String what, String source) {
    return Compiler.compileService(ProcessParser.parse("<system " + what + ">", source));
  }

  /**
   * The registry, as Rholang. {@code shorthands} maps a URI a lookup may use to the URI of the
   * entry (RChain's {@code rho:rchain:revVault} and the like); {@code signers} maps a deployer's
   * identity URI to the URI its insertSigned calls register under.
   */
  static String registrySource(Map<String, String> shorthands, Map<String, String> signers) {
    String entry = "@(`" + ENTRY + "`, uri)";
    String publish = "match value." + TAG_METHOD + "() { Nil => Nil  tag => @(`" + DIRECTORY
        + "`, tag)!(value) }";
    return "new lookup(`" + LOOKUP + "`), insertArbitrary(`" + INSERT_ARBITRARY + "`),\n"
        + "    insertSigned(`" + INSERT_SIGNED + "`), next(`rho:registry:next`),\n"
        + "    signers(`rho:registry:signers`), unsupported(`" + INSERT_SIGNED_UNSUPPORTED + "`) in {\n"
        + "  next!(0) |\n"
        + "  signers!(" + uriMap(signers, "(`", "`, Nil)") + ") |\n"
        + "  contract insertArbitrary(@value, ret) = {\n"
        + "    for (@n <- next) {\n"
        + "      next!(n + 1) |\n"
        + "      match n." + URI_METHOD + "() { uri => { " + entry + "!(value) | ret!(uri) | " + publish
        + " } }\n"
        + "    }\n"
        + "  } |\n"
        + "  contract lookup(@key, ret) = {\n"
        + "    match " + uriMap(shorthands, "`", "`") + ".getOrElse(key, key) {\n"
        + "      uri => { for (@value <<- " + entry + ") { ret!(value) } }\n"
        + "    }\n"
        + "  } |\n"
        + "  contract insertSigned(@(nonce, value), deployer, ret) = {\n"
        + "    for (@table <- signers) {\n"
        + "      match table.get(*deployer) {\n"
        + "        Nil => { signers!(table) | unsupported!((nonce, value), *deployer, *ret) }\n"
        + "        (uri, Nil) => {\n"
        + "          signers!(table.set(*deployer, (uri, nonce))) | " + entry + "!((nonce, value)) |"
        + " ret!(uri) | " + publish + "\n"
        + "        }\n"
        + "        (uri, last) => {\n"
        + "          if (nonce > last) {\n"
        + "            signers!(table.set(*deployer, (uri, nonce))) |\n"
        + "            for (_ <- " + entry + ") { " + entry + "!((nonce, value)) | ret!(uri) }\n"
        + "          } else { signers!(table) | ret!(Nil) }\n"
        + "        }\n"
        + "      }\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  /**
   * The deployer services, as Rholang: {@code rho:rchain:deployerId:ops} and {@code
   * rho:rev:address} over the table of deployer identities (URIs) and public keys (hex) that
   * {@code keys} adds to the program's own deployer's.
   */
  static String deployerSource(Map<String, String> keys) {
    Map<String, String> table = new LinkedHashMap<>();
    table.put(DEPLOYER, DEPLOYER_KEY);
    table.putAll(keys);
    String map = table.entrySet().stream()
        .map(e -> "`" + e.getKey() + "`: \"" + e.getValue() + "\".hexToBytes()")
        .collect(Collectors.joining(", ", "{", "}"));
    String rev = "." + REV_METHOD;
    return "new ops(`" + DEPLOYER_OPS + "`), rev(`" + REV_ADDRESS + "`),"
        + " unforgeables(`" + UNFORGEABLES + "`) in {\n"
        + "  unforgeables!({}) |\n"
        + "  contract ops(@\"pubKeyBytes\", @id, ret) = { ret!(" + map + ".get(id)) } |\n"
        + "  contract rev(@\"validate\", @address, ret) = { ret!(address" + rev
        + "(\"validate\")) } |\n"
        + "  contract rev(@\"fromPublicKey\", @key, ret) = { ret!(key" + rev
        + "(\"fromPublicKey\")) } |\n"
        + "  contract rev(@\"fromDeployerId\", @id, ret) = { ret!(" + map + ".get(id)" + rev
        + "(\"fromPublicKey\")) } |\n"
        + "  contract rev(@\"fromUnforgeable\", @name, ret) = {\n"
        + "    if (name" + rev + "(\"isUnforgeable\")) {\n"
        + "      for (@numbered <- unforgeables) {\n"
        + "        match numbered.getOrElse(name, numbered.size()) {\n"
        + "          n => { unforgeables!(numbered.set(name, n)) | ret!(n" + rev
        + "(\"fromUnforgeable\")) }\n"
        + "        }\n"
        + "      }\n"
        + "    } else { ret!(Nil) }\n"
        + "  }\n"
        + "}\n";
  }

  /** What {@code recv.systemRevAddress(mode)} answers: see {@link #deployerSource}. */
  static Term revAddress(Term recv, String mode) {
    return switch (mode) {
      case "validate" -> recv instanceof Term.StrV s
          ? RevAddress.problem(s.value()).<Term>map(Term.StrV::new).orElse(Term.NIL) : Term.NIL;
      case "fromPublicKey" -> recv instanceof Term.BytesV b
          ? RevAddress.fromPublicKey(Bytes.of(b, REV_METHOD)).<Term>map(Term.StrV::new)
              .orElse(Term.NIL)
          : Term.NIL;
      case "isUnforgeable" -> new Term.BoolV(
          recv instanceof Term.Eval e && e.name() instanceof Term.Priv);
      case "fromUnforgeable" -> new Term.StrV(RevAddress.fromUnforgeable(Evaluator.integer(recv)));
      default -> throw new EvalError("no REV address operation '" + mode + "'");
    };
  }

  private static String uriMap(Map<String, String> m, String open, String close) {
    return m.entrySet().stream()
        .map(e -> "`" + e.getKey() + "`: " + open + e.getValue() + close)
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /**
   * The directory tag of an inserted value: the identifier of the private name it is ({@code *x},
   * bundles being transparent to the engine), else Nil: such a value is only found by its URI.
   */
  static Term registryTag(Term value) {
    return value instanceof Term.Eval e && e.name() instanceof Term.Priv p
        ? new Term.StrV(p.ident()) : new Term.Nil();
  }

  /** The URI insertArbitrary answers for the {@code n}-th insertion (from 0). */
  static Term.UriV arbitraryUri(long n) {
    if (n < 0) {
      throw new EvalError("no registry URI for a negative counter");
    }
    return new Term.UriV(ARBITRARY_PREFIX + n);
  }

  /**
   * Warnings for the system URIs {@code uris} (a program's URI literals) that rhoscope does not
   * model, each naming the URI and what its callers wait for.
   */
  public static List<String> warnings(Set<String> uris) {
    List<String> out = new ArrayList<>();
    for (String uri : uris.stream().sorted().toList()) {
      if (uri.equals(INSERT_SIGNED)) {
        out.add("unsupported: `" + INSERT_SIGNED + "` registers only the genesis contracts"
            + " (--with-genesis); rhoscope cannot derive the URI of another deployer's public"
            + " key, so such a call waits on `" + INSERT_SIGNED_UNSUPPORTED + "` and its caller"
            + " never gets the URI");
      } else if (UNMODELLED.containsKey(uri)) {
        out.add("`" + uri + "` is not modelled: it stays a free name, so a caller that waits for"
            + " its answer (" + UNMODELLED.get(uri) + ") waits for ever");
      }
    }
    return List.copyOf(out);
  }
}
