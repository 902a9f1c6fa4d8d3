package rhoscope.engine.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * REV addresses against published wallets (F1R3FLY's bootstrap and validator keys, with the REV
 * addresses their nodes print) and the PoS vault address of the corpus's RevVault.rho.
 */
class RevAddressTest {
  private static final String BOOTSTRAP_KEY = "04ffc016579a68050d655d55df4e09f04605164543e257c8e6df"
      + "10361e6068a5336588e9b355ea859c5ab4285a5ef0efdf62bc28b80320ce99e26bb1607b3ad93d";
  private static final String VALIDATOR_KEY = "04fa70d7be5eb750e0915c0f6d19e7085d18bb1c22d030feb2a8"
      + "77ca2cd226d04438aa819359c56c720142fbc66e9da03a5ab960a3d8b75363a226b7c800f60420";
  private static final String POS_VAULT = "1111gW5kkGxHg7xDg6dRkZx2f7qxTizJzaCH9VEM1oJKWRvSX9Sk5";

  @Test
  void aPublicKeysAddressIsTheOneRnodeGivesIt() {
    assertThat(RevAddress.fromPublicKey(HexFormat.of().parseHex(BOOTSTRAP_KEY)))
        .contains("1111AtahZeefej4tvVR6ti9TJtv8yxLebT31SCEVDCKMNikBk5r3g");
    assertThat(RevAddress.fromPublicKey(HexFormat.of().parseHex(VALIDATOR_KEY)))
        .contains("111127RX5ZgiAdRaQy4AWy57RdvAAckdELReEBxzvWYVvdnR32PiHA");
  }

  @Test
  void aKeyThatIsNotSixtyFiveBytesHasNoAddress() {
    assertThat(RevAddress.fromPublicKey(HexFormat.of().parseHex(BOOTSTRAP_KEY.substring(2))))
        .isEmpty();
  }

  @Test
  void theCorpusPosVaultAddressAndTheWalletsAreValid() {
    assertThat(RevAddress.problem(POS_VAULT)).isEmpty();
    assertThat(RevAddress.problem("1111AtahZeefej4tvVR6ti9TJtv8yxLebT31SCEVDCKMNikBk5r3g"))
        .isEmpty();
  }

  @Test
  void eachKindOfBadAddressIsNamedAsRnodeNamesIt() {
    assertThat(RevAddress.problem(POS_VAULT.substring(0, POS_VAULT.length() - 1) + "6"))
        .contains("Invalid checksum");
    assertThat(RevAddress.problem("1111")).contains("Invalid address length");
    assertThat(RevAddress.problem("1111O0")).contains("Invalid Base58 encoding");
  }

  @Test
  void base58KeepsLeadingZerosAsOnes() {
    byte[] bytes = {0, 0, 1, 2, (byte) 0xff};
    assertThat(RevAddress.base58(RevAddress.base58(bytes))).hasValue(bytes);
    assertThat(RevAddress.base58(bytes)).startsWith("11");
  }

  @Test
  void unforgeableAddressesAreValidAndDistinct() {
    assertThat(RevAddress.problem(RevAddress.fromUnforgeable(0))).isEmpty();
    assertThat(RevAddress.fromUnforgeable(0)).isNotEqualTo(RevAddress.fromUnforgeable(1));
  }
}
