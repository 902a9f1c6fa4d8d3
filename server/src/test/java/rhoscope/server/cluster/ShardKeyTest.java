package rhoscope.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardKeyTest {
  @Test
  void aProcessBelongsToItsDatasetAndTheFirstSegmentOfItsName() {
    assertThat(ShardKey.of("contracts", "escrow_double_payout.rho")).isEqualTo("contracts/escrow");
    assertThat(ShardKey.of("contracts", "escrow_release_refund")).isEqualTo("contracts/escrow");
    assertThat(ShardKey.of("pathways", "MAPK-cascade.xml")).isEqualTo("pathways/mapk");
  }

  @Test
  void theSameFamilyInAnotherDatasetIsAnotherShard() {
    assertThat(ShardKey.of("mine", "escrow_double_payout.rho"))
        .isNotEqualTo(ShardKey.of("contracts", "escrow_double_payout.rho"));
  }

  @Test
  void aNameWithoutALeadingWordIsItsOwnSegment() {
    assertThat(ShardKey.of("d", "_x.rho")).isEqualTo("d/_x");
  }
}
