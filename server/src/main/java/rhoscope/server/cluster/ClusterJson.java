package rhoscope.server.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import rhoscope.server.wire.WireJson;

/**
 * The wire records as members pass them to each other: the API's JSON, read back. The API only
 * writes instants, members read them too.
 */
final class ClusterJson {
  private static final ObjectMapper MAPPER =
      WireJson.MAPPER.copy()
          .registerModule(
              new SimpleModule("rhoscope-cluster")
                  .addDeserializer(Instant.class, new InstantDeserializer()));

  private ClusterJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a member sent an unreadable " + type.getSimpleName(), e);
    }
  }

  private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return Instant.parse(p.getValueAsString());
    }
  }
}
