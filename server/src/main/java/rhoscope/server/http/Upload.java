package rhoscope.server.http;

import java.util.Objects;
import rhoscope.server.wire.StoredProcess;

/**
 * What storing a process did: the process as stored, and whether it is new ({@code 201}) or
 * replaced, or re-sent unchanged, a process of the same dataset and name ({@code 200}).
 */
public record Upload(StoredProcess process, boolean created) {
  public Upload {
    Objects.requireNonNull(process, "process");
  }
}
