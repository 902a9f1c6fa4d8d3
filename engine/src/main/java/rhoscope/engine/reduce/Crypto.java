package rhoscope.engine.reduce;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The hashes and signature checks behind RChain's {@code rho:crypto:*} system processes, as rnode
 * computes them: SHA-256 (the JDK's), Keccak-256 (Ethereum's, not SHA3-256) and Blake2b-256
 * (BouncyCastle's); secp256k1 ECDSA over a 32-byte hash with a DER signature and a SEC1 public
 * key, accepting only low-S signatures as libsecp256k1 does; Ed25519 over the raw data.
 */
final class Crypto {
  private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(
      SECP256K1.getCurve(), SECP256K1.getG(), SECP256K1.getN(), SECP256K1.getH());
  private static final BigInteger HALF_N = SECP256K1.getN().shiftRight(1);

  private Crypto() {}

  /** {@code algorithm}: sha256, keccak256 or blake2b256. */
  static byte[] hash(String algorithm, byte[] data) {
    return switch (algorithm) {
      case "sha256" -> sha256(data);
      case "keccak256" -> digest(new KeccakDigest(256), data);
      case "blake2b256" -> digest(new Blake2bDigest(256), data);
      default -> throw new EvalError("no hash '" + algorithm + "'");
    };
  }

  /**
   * {@code scheme}: secp256k1 or ed25519. A signature or key that does not decode does not
   * verify; secp256k1 data other than a 32-byte hash is an error, as in rnode.
   */
  static boolean verify(String scheme, byte[] data, byte[] signature, byte[] publicKey) {
    return switch (scheme) {
      case "secp256k1" -> secp256k1(data, signature, publicKey);
      case "ed25519" -> ed25519(data, signature, publicKey);
      default -> throw new EvalError("no signature scheme '" + scheme + "'");
    };
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  private static byte[] digest(Digest d, byte[] data) {
    d.update(data, 0, data.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }

  private static boolean secp256k1(byte[] data, byte[] signature, byte[] publicKey) {
    if (data.length != 32) {
      throw new EvalError("secp256k1Verify: the data must be a 32-byte hash, not "
          + data.length + " bytes");
    }
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(signature);
      if (seq.size() != 2) {
        return false;
      }
      BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
      if (s.compareTo(HALF_N) > 0) {
        return false;
      }
      ECDSASigner signer = new ECDSASigner();
      signer.init(false, new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(publicKey),
          DOMAIN));
      return signer.verifySignature(data, r, s);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // not DER, not a point of the curve: no signature of this key
      return false;
    }
  }

  private static boolean ed25519(byte[] data, byte[] signature, byte[] publicKey) {
    if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
      return false;
    }
    try {
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
      signer.update(data, 0, data.length);
      return signer.verifySignature(signature);
    } catch (IllegalArgumentException e) {
      // not a point of the curve: no signature of this key
      return false;
    }
  }
}
