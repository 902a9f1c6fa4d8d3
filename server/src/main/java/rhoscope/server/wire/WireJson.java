package rhoscope.server.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import rhoscope.engine.check.Verdict;

/**
 * The one JSON configuration of rhoscope, for the HTTP API and the CLI's {@code --json} alike:
 * strict on input (a misspelt field is an error), fields that do not apply left out, verdicts as
 * {@code yes|no|unknown}, instants as ISO-8601 text.
 */
public final class WireJson {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .addModule(
              new SimpleModule("rhoscope-wire")
                  .addSerializer(Verdict.class, new VerdictSerializer())
                  .addDeserializer(Verdict.class, new VerdictDeserializer())
                  .addSerializer(Instant.class, ToStringSerializer.instance))
          .build();

  private WireJson() {}

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }

  /** The value pretty printed, as the CLI writes it. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }

  /** The engine's verdict on the wire: {@code yes}, {@code no} or {@code unknown}. */
  public static String wireName(Verdict v) {
    return v.name().toLowerCase(Locale.ROOT);
  }

  private static final class VerdictSerializer extends StdScalarSerializer<Verdict> {
    VerdictSerializer() {
      super(Verdict.class);
    }

    @Override
    public void serialize(Verdict v, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(wireName(v));
    }
  }

  private static final class VerdictDeserializer extends StdScalarDeserializer<Verdict> {
    VerdictDeserializer() {
      super(Verdict.class);
    }

    @Override
    public Verdict deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      for (Verdict v : Verdict.values()) {
        if (wireName(v).equalsIgnoreCase(text)) {
          return v;
        }
      }
      throw ApiException.badRequest("unknown verdict '" + text + "': expected yes, no or unknown");
    }
  }
}
