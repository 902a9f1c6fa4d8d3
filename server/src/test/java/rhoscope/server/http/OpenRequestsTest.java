package rhoscope.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.ProcessUpload;
import rhoscope.server.wire.QueryBody;
import rhoscope.server.wire.SourceFormat;

/** {@code open}, {@code calls} and {@code withGenesis} of the check and query bodies. */
class OpenRequestsTest {
  @Test
  void neitherIsClosedOpenAloneMakesTwoCallsAndCallsAloneOpens() {
    assertThat(Requests.calls(null, null)).isZero();
    assertThat(Requests.calls(false, null)).isZero();
    assertThat(Requests.calls(true, null)).isEqualTo(2);
    assertThat(Requests.calls(null, 3)).isEqualTo(3);
    assertThat(Requests.calls(true, 0)).isZero();
  }

  @Test
  void outOfRangeOrContradictoryIsABadRequest() {
    assertThatThrownBy(() -> Requests.calls(true, 9)).isInstanceOf(ApiException.class)
        .hasMessageContaining("calls must be between 0 and 8: 9");
    assertThatThrownBy(() -> Requests.calls(false, 2)).isInstanceOf(ApiException.class)
        .hasMessageContaining("contradicts 'open': false");
  }

  @Test
  void aQueryBodyAsksForTheGenesisWithWithGenesisTrueOnly() {
    ServerConfig config = ServerConfig.defaults(new ScriptedService());
    assertThat(Requests.querySpec(query(true), config).withGenesis()).isTrue();
    assertThat(Requests.querySpec(query(false), config).withGenesis()).isFalse();
    assertThat(Requests.querySpec(query(null), config).withGenesis()).isFalse();
  }

  @Test
  void anUploadAsksForTheGenesisForRholangOnly() {
    assertThat(Requests.newProcess(upload(SourceFormat.RHOLANG, "Nil", true)).withGenesis())
        .isTrue();
    assertThat(Requests.newProcess(upload(SourceFormat.RHOLANG, "Nil", null)).withGenesis())
        .isFalse();
    assertThatThrownBy(() -> Requests.newProcess(upload(SourceFormat.SBML, "<sbml/>", true)))
        .isInstanceOf(ApiException.class).hasMessageContaining("this process is SBML");
  }

  private static ProcessUpload upload(SourceFormat format, String source, Boolean withGenesis) {
    return new ProcessUpload("p", null, format, null, null, source, withGenesis);
  }

  private static QueryBody query(Boolean withGenesis) {
    return new QueryBody("deadlock_free", null, null, null, null, null, null, null, withGenesis);
  }
}
