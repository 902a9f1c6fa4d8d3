package rhoscope.engine.explore;

class HashFingerprintSetTest extends FingerprintSetContractTest {
  @Override
  FingerprintSet create(int expected) {
    return new HashFingerprintSet();
  }
}
