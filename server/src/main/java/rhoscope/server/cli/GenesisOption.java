package rhoscope.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import rhoscope.engine.Environment;

/**
 * {@code --with-genesis [DIR]}: run the process on top of RChain's genesis contracts (RevVault,
 * MakeMint, ... registered under their URIs), read from DIR or, without one, from the corpus copy
 * of {@code casper/src/main/resources}.
 */
final class GenesisOption {

  @Option(
      names = "--with-genesis",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "DIR",
      description = "Run on top of RChain's genesis contracts from DIR (default: the corpus copy"
          + " shared/corpus/rholang/rchain/casper/src/main/resources, looked for here, one"
          + " or two folders up). Without DIR, give it after the other arguments; or write"
          + " --with-genesis=DIR.")
  String folder;

  /** The environment the option asks for; none without the option. */
  Environment environment() {
    if (folder == null) {
      return Environment.none();
    }
    Path dir = folder.isEmpty()
        ? Environment.defaultGenesisFolder().orElseThrow(() -> new IllegalArgumentException(
            "--with-genesis: no genesis folder given and none found at"
                + " shared/corpus/rholang/rchain/casper/src/main/resources (here, one or two"
                + " folders up); pass the folder: --with-genesis DIR"))
        : Path.of(folder);
    return Environment.genesis(dir);
  }
}
