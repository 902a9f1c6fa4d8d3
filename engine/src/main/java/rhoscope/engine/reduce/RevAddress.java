package rhoscope.engine.reduce;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * RChain's REV addresses, as rnode's {@code RevAddress} and {@code AddressTools} make and parse
 * them: Base58 (Bitcoin's alphabet) of a 4-byte prefix (coin id {@code 000000}, version {@code
 * 00}), a 32-byte key hash and a 4-byte checksum, the first bytes of the Blake2b-256 hash of
 * prefix and key hash. The key hash of a public key is the Keccak-256 hash of its Ethereum
 * address (the last 20 bytes of the Keccak-256 hash of the 65-byte SEC1 key without its {@code
 * 04} tag).
 *
 * <p>An unforgeable name's address is the same format over the Keccak-256 hash of rhoscope's
 * number for the name ({@link #fromUnforgeable}): rnode hashes the name's id, which comes from
 * the deploy's random seed, so the text differs from a node's while the format, validity and
 * distinctness hold.
 */
final class RevAddress {
  private static final byte[] PREFIX = {0, 0, 0, 0};
  private static final int KEY_HASH = 32;
  private static final int CHECKSUM = 4;
  /** rnode's {@code Secp256k1.keyLength}: an uncompressed SEC1 key. */
  private static final int PUBLIC_KEY = 65;
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private RevAddress() {}

  /** The address of a 65-byte public key; empty for a key of another length, as in rnode. */
  static Optional<String> fromPublicKey(byte[] publicKey) {
    if (publicKey.length != PUBLIC_KEY) {
      return Optional.empty();
    }
    byte[] keyHash = Crypto.hash("keccak256", Arrays.copyOfRange(publicKey, 1, PUBLIC_KEY));
    byte[] ethAddress = Arrays.copyOfRange(keyHash, keyHash.length - 20, keyHash.length);
    return Optional.of(fromKeyHash(Crypto.hash("keccak256", ethAddress)));
  }

  /** The address rhoscope gives the {@code n}-th unforgeable name asked for (from 0). */
  static String fromUnforgeable(long n) {
    return fromKeyHash(Crypto.hash("keccak256",
        ("rhoscope:unforgeable:" + n).getBytes(StandardCharsets.UTF_8)));
  }

  /** Why {@code address} is not a REV address, in rnode's words; empty when it is one. */
  static Optional<String> problem(String address) {
    Optional<byte[]> decoded = base58(address);
    if (decoded.isEmpty()) {
      return Optional.of("Invalid Base58 encoding");
    }
    byte[] bytes = decoded.get();
    if (bytes.length != PREFIX.length + KEY_HASH + CHECKSUM) {
      return Optional.of("Invalid address length");
    }
    byte[] payload = Arrays.copyOfRange(bytes, 0, PREFIX.length + KEY_HASH);
    if (!Arrays.equals(checksum(payload), Arrays.copyOfRange(bytes, payload.length, bytes.length))) {
      return Optional.of("Invalid checksum");
    }
    if (!Arrays.equals(PREFIX, Arrays.copyOfRange(bytes, 0, PREFIX.length))) {
      return Optional.of("Invalid prefix");
    }
    return Optional.empty();
  }

  private static String fromKeyHash(byte[] keyHash) {
    byte[] payload = new byte[PREFIX.length + KEY_HASH];
    System.arraycopy(PREFIX, 0, payload, 0, PREFIX.length);
    System.arraycopy(keyHash, 0, payload, PREFIX.length, KEY_HASH);
    byte[] full = Arrays.copyOf(payload, payload.length + CHECKSUM);
    System.arraycopy(checksum(payload), 0, full, payload.length, CHECKSUM);
    return base58(full);
  }

  private static byte[] checksum(byte[] payload) {
    return Arrays.copyOf(Crypto.hash("blake2b256", payload), CHECKSUM);
  }

  /** Base58 with a '1' for each leading zero byte, as Bitcoin writes it. */
  static String base58(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger n = new BigInteger(1, bytes);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }

  static Optional<byte[]> base58(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        return Optional.empty();
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
    return Optional.of(out);
  }
}
