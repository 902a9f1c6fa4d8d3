package rhoscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rhoscope.engine.check.CheckOptions;
import rhoscope.engine.check.ModelChecker;
import rhoscope.engine.check.NameWarnings;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.parse.ProcessParser;
import rhoscope.lang.parse.TypeParser;

/** The rho:crypto services and byte arrays, end to end, as Rholang programs call them. */
class CryptoServicesTest {
  private static Verdict check(String source, String type) {
    return ModelChecker.check(Programs.load(source), TypeParser.parse("<t>", type),
        CheckOptions.defaults()).verdict();
  }

  @Test
  void eachHashServiceAnswersTheHashOfTheBytesItIsSent() {
    String source = """
        new sha(`rho:crypto:sha256Hash`), keccak(`rho:crypto:keccak256Hash`),
            blake(`rho:crypto:blake2b256Hash`), a, b, c in {
          sha!("abc".toUtf8Bytes(), *a) | keccak!("".toUtf8Bytes(), *b) |
          blake!("616263".hexToBytes(), *c) |
          for (@x <- a & @y <- b & @z <- c) {
            @"hashes"!(x.bytesToHex(), y.bytesToHex(), z.bytesToHex(), x.length())
          }
        }
        """;
    assertThat(check(source, "inevitably contains \"hashes\"!("
        + "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\", "
        + "\"c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470\", "
        + "\"bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319\", 32)"))
        .isEqualTo(Verdict.YES);
    assertThat(check(source, "deadlock_free")).isEqualTo(Verdict.YES);
  }

  /** NonNegativeNumber.rho's header: its key, the bytes it signed and its signature. */
  @Test
  void aSignatureIsCheckedOverTheBlake2bHashAsTheRegistryChecksIt() {
    String verify = """
        new blake(`rho:crypto:blake2b256Hash`), secp(`rho:crypto:secp256k1Verify`), h, v in {
          blake!(("2a40aa013d0a0d2a0b10feffffffffffffffff010a2c5a2a0a263a240a220a2061657f5107"
              ++ "6320deb7358dfcfc1f703be818ee08876c8b8efbfdf6e9d3020bcd1001").hexToBytes(), *h) |
          for (@hash <- h) {
            secp!(hash,
              ("304402202b27c904bcecd83a7355db7f235fbe447c692079325deeefacba62c8ee236eb902"
                ++ "2077b97df4e21784897e6da490b4b60c420a1db64b5807ad98acefa0a38c7f6f22").hexToBytes(),
              ("04e1559d809924e564dce57e34646e155b144d2a504ce7ee519d7a5108fd42f1038d08d745e5"
                ++ "ea21cb53d6aa7c7174a768fa373207a83bc947a20c6a02ece7a60e").hexToBytes(), *v)
          } |
          for (@ok <- v) { @"valid"!(ok) }
        }
        """;
    assertThat(check(verify, "inevitably contains \"valid\"!(true)")).isEqualTo(Verdict.YES);
    assertThat(check(verify.replace("\"2a40", "\"2a41"), "inevitably contains \"valid\"!(false)"))
        .isEqualTo(Verdict.YES);
  }

  @Test
  void aHashOfSomethingOtherThanBytesNeverAnswersAsOnANode() {
    String source = """
        new sha(`rho:crypto:sha256Hash`), ret in {
          sha!("abc", *ret) | for (@h <- ret) { @"hash"!(h) }
        }
        """;
    assertThat(check(source, "eventually contains \"hash\"!(_)")).isEqualTo(Verdict.NO);
    assertThat(check(source, "deadlock_free")).isEqualTo(Verdict.NO);
  }

  @Test
  void byteArraysMatchTheByteArrayTypeAndReadBackAsHex() {
    Program p = Programs.load("""
        @"b"!("00FF".hexToBytes() ++ "10".hexToBytes()) |
        for (@x <- @"b") { match x { ByteArray => @"bytes"!(x.slice(1, 3)) } }
        """);
    assertThat(ModelChecker.check(p, TypeParser.parse("<t>",
        "inevitably contains \"bytes\"!(_)"), CheckOptions.defaults()).verdict())
        .isEqualTo(Verdict.YES);
    assertThat(p.initialState().print()).contains("\"00ff10\".hexToBytes()");
  }

  @Test
  void theCryptoNamesAreModelledAndNotWarnedAbout() {
    assertThat(NameWarnings.systemNames(ProcessParser.parse("<t>", """
        new h(`rho:crypto:blake2b256Hash`), v(`rho:crypto:ed25519Verify`), ret in {
          h!("00".hexToBytes(), *ret) | v!(Nil, Nil, Nil, *ret)
        }
        """).process())).isEmpty();
  }
}
