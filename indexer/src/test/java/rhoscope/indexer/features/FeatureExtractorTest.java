package rhoscope.indexer.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import rhoscope.lang.parse.ProcessParser;

class FeatureExtractorTest {

  private static ProcessFeatures extract(String source, long maxStates) {
    return FeatureExtractor.extract(
        ProcessParser.parse("t.rho", source), maxStates, Duration.ofSeconds(5));
  }

  @Test
  void aCompleteExplorationRecordsCarriedNamesCommunicationsAndDeadlocks() {
    ProcessFeatures f =
        extract(
            "new ping in { ping!(1) | for (x <- ping) { @\"pong\"!(x) } | for (y <- @\"never\") {"
                + " Nil } }",
            1000);

    ExplorationFeatures x = f.exploration();
    assertThat(x.explored()).isTrue();
    assertThat(x.complete()).isTrue();
    assertThat(x.stateCount()).isEqualTo(2);
    assertThat(x.carriedNames()).containsExactly("\"pong\"", "ping");
    assertThat(x.commChannels()).containsExactly("ping");
    assertThat(x.receiveChannels()).containsExactly("\"never\"", "ping");
    assertThat(x.deadlockReachable()).isTrue();
    assertThat(x.terminalReachable()).isFalse();
    assertThat(x.note()).isEmpty();
  }

  @Test
  void aJoinCommunicatesOnEveryChannelItJoins() {
    ProcessFeatures f =
        extract("@\"a\"!(1) | @\"b\"!(2) | for (x <- @\"a\" & y <- @\"b\") { @\"c\"!(x) }", 1000);

    assertThat(f.exploration().commChannels()).containsExactly("\"a\"", "\"b\"");
    assertThat(f.exploration().terminalReachable()).isTrue();
    assertThat(f.exploration().deadlockReachable()).isFalse();
  }

  @Test
  void servicesAreRecordedApartFromWaitingReceives() {
    ProcessFeatures f = extract("contract @\"svc\"(x) = { Nil } | @\"svc\"!(1)", 1000);

    assertThat(f.exploration().contractChannels()).containsExactly("\"svc\"");
    assertThat(f.exploration().receiveChannels()).isEmpty();
    // A service waiting for calls is not a deadlock.
    assertThat(f.exploration().deadlockReachable()).isFalse();
  }

  @Test
  void aBoundedExplorationSaysItIsIncomplete() {
    ProcessFeatures f =
        extract("contract @\"loop\"(@n) = { @\"loop\"!(n + 1) } | @\"loop\"!(0)", 50);

    assertThat(f.exploration().complete()).isFalse();
    assertThat(f.exploration().stateCount()).isLessThanOrEqualTo(51);
    assertThat(f.exploration().note()).contains("stopped early");
  }

  @Test
  void staticFeaturesComeWithTheExploration() {
    ProcessFeatures f =
        extract("new a, b in { for (_ <- a) { b!(Nil) } | for (_ <- b) { a!(Nil) } }", 100);

    assertThat(f.statics().cycles()).hasSize(1);
    assertThat(f.exploration().deadlockReachable()).isTrue();
    assertThat(f.asMap()).containsEntry("deadlock_reachable", true).containsKey("cycles");
  }
}
