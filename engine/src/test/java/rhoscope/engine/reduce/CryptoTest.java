package rhoscope.engine.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The rho:crypto hashes and signature checks against published test vectors and the corpus. */
class CryptoTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Path GENESIS = Path.of("..", "..", "shared", "corpus", "rholang", "rchain",
      "casper", "src", "main", "resources");

  private static String hash(String algorithm, String text) {
    return HEX.formatHex(Crypto.hash(algorithm, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sha256MatchesFips180Vectors() {
    assertThat(hash("sha256", "abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(hash("sha256", ""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void keccak256IsEthereumsNotSha3() {
    assertThat(hash("keccak256", ""))
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(hash("keccak256", "abc"))
        .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }

  @Test
  void blake2b256MatchesItsReferenceVectors() {
    assertThat(hash("blake2b256", ""))
        .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    assertThat(hash("blake2b256", "abc"))
        .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  }

  /** RFC 8032, section 7.1, test 1: the empty message. */
  @Test
  void ed25519VerifiesRfc8032Test1AndRejectsATamperedSignature() {
    byte[] key = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    byte[] sig = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
        + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    assertThat(Crypto.verify("ed25519", new byte[0], sig, key)).isTrue();
    sig[0] ^= 1;
    assertThat(Crypto.verify("ed25519", new byte[0], sig, key)).isFalse();
    assertThat(Crypto.verify("ed25519", new byte[0], sig, new byte[3])).isFalse();
  }

  /**
   * Each genesis deploy's header gives its public key, the bytes it signed and the signature; the
   * registry checks {@code secp256k1Verify(blake2b256(toSign), sig, pk)}, as rnode does.
   */
  @Test
  void theGenesisDeploysSignaturesVerifyOverTheBlake2bHashOfWhatTheySigned() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(GENESIS),
        "the RChain corpus is not at " + GENESIS.toAbsolutePath() + ": skipped");
    Pattern row = Pattern.compile("\\b(pk|toSign|sig) = ([0-9a-f]+)");
    List<Path> files;
    try (Stream<Path> s = Files.list(GENESIS)) {
      files = s.filter(p -> p.toString().endsWith(".rho")).sorted().toList();
    }
    int checked = 0;
    for (Path f : files) {
      String pk = null;
      String toSign = null;
      String sig = null;
      Matcher m = row.matcher(Files.readString(f, StandardCharsets.UTF_8));
      while (m.find()) {
        switch (m.group(1)) {
          case "pk" -> pk = m.group(2);
          case "toSign" -> toSign = m.group(2);
          case "sig" -> sig = m.group(2);
          default -> throw new IllegalStateException(m.group(1));
        }
      }
      if (pk == null || toSign == null || sig == null) {
        continue;
      }
      byte[] hash = Crypto.hash("blake2b256", HEX.parseHex(toSign));
      assertThat(Crypto.verify("secp256k1", hash, HEX.parseHex(sig), HEX.parseHex(pk)))
          .as(f.getFileName().toString()).isTrue();
      hash[0] ^= 1;
      assertThat(Crypto.verify("secp256k1", hash, HEX.parseHex(sig), HEX.parseHex(pk)))
          .as("%s, another hash", f.getFileName()).isFalse();
      checked++;
    }
    assertThat(checked).as("genesis deploys with a signature").isGreaterThanOrEqualTo(7);
  }

  @Test
  void secp256k1NeedsA32ByteHashAndRefusesWhatDoesNotDecode() {
    assertThatThrownBy(() -> Crypto.verify("secp256k1", new byte[5], new byte[8], new byte[33]))
        .isInstanceOf(EvalError.class).hasMessageContaining("32-byte");
    assertThat(Crypto.verify("secp256k1", new byte[32], new byte[8], new byte[33])).isFalse();
  }
}
