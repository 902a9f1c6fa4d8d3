package rhoscope.server.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import rhoscope.engine.check.Verdict;

/** Pretty JSON for {@code --json} output. */
final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // ISO-8601 text, as a reader of the output expects (2026-11-25T03:04:05Z)
          .registerModule(
              new SimpleModule()
                  .addSerializer(Instant.class, ToStringSerializer.instance)
                  // yes / no / unknown, as the text output and the HTTP API write verdicts
                  .addSerializer(
                      Verdict.class,
                      new StdScalarSerializer<Verdict>(Verdict.class) {
                        @Override
                        public void serialize(
                            Verdict v, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                          gen.writeString(v.name().toLowerCase(Locale.ROOT));
                        }
                      }));

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
