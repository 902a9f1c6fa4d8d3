package rhoscope.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.BadMessageException;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.WireJson;

/**
 * Reads request bodies as JSON, never more than the size limit: a body sent in chunks announces no
 * length, so the limit is enforced while reading, not only against {@code Content-Length}.
 */
final class BodyReader {
  static final String JSON = "application/json";

  private final long maxBytes;

  BodyReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The request body could not be read to its end: the client went away or sent too slowly. Not a
   * server fault, and nobody may be there to read the answer.
   */
  static final class ClientGone extends RuntimeException {
    ClientGone(IOException cause) {
      super("the request body could not be read: " + cause.getMessage(), cause, false, false);
    }
  }

  /**
   * Reads the request body as {@code type}: a body that is not {@code application/json} is a 415,
   * bad JSON a 400 that points into the body, and so is JSON that is not an object ({@code null}
   * included).
   */
  <T> T read(Context ctx, Class<T> type) {
    requireJson(ctx.contentType());
    byte[] bytes = bounded(ctx);
    if (bytes.length == 0) {
      throw ApiException.badRequest("the request needs a JSON body");
    }
    T value;
    try {
      value = WireJson.MAPPER.readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw badJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (value == null) {
      throw new ApiException(
          400, "bad_json", "invalid request body: the body must be a JSON object, not null", 1, 1);
    }
    return value;
  }

  /** {@code application/json}, with any parameters ({@code ; charset=utf-8}); nothing else. */
  static void requireJson(String contentType) {
    String media =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals(JSON)) {
      throw new ApiException(
          415, "unsupported_media_type",
          (contentType == null || contentType.isBlank()
                  ? "the request has no Content-Type"
                  : "the request's Content-Type is '" + contentType + "'")
              + "; send the body as " + JSON);
    }
  }

  private byte[] bounded(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new ClientGone(e);
    } catch (BadMessageException e) {
      // Jetty's own refusal while the body arrives: too slow (408), or not valid HTTP
      throw new ApiException(e.getCode(), ErrorMapping.statusCode(e.getCode()), e.getReason());
    }
  }

  static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        413, "body_too_large", "the request body exceeds the limit of " + maxBytes + " bytes");
  }

  private static ApiException badJson(JsonProcessingException e) {
    // A value our own types refused (an unknown format name) carries its own message.
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof ApiException api) {
        return api;
      }
    }
    JsonLocation at = e.getLocation();
    return new ApiException(
        400,
        "bad_json",
        "invalid request body: " + describe(e),
        at == null ? 0 : Math.max(0, at.getLineNr()),
        at == null ? 0 : Math.max(0, at.getColumnNr()));
  }

  /**
   * What was wrong, in the body's terms (the JSON field and the JSON type it needs), never the
   * server's Java class names.
   */
  static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = new ArrayList<>();
      if (u.getKnownPropertyIds() != null) {
        u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      }
      Collections.sort(known);
      return "unknown field '" + field(u.getPath()) + "'"
          + (known.isEmpty() ? "" : "; known fields: " + String.join(", ", known));
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return "field '" + field(m.getPath()) + "' must be " + jsonType(m.getTargetType());
    }
    if (e instanceof MismatchedInputException m) {
      return "the body must be " + jsonType(m.getTargetType());
    }
    String message = String.valueOf(e.getOriginalMessage());
    // Parser messages speak JSON; drop any Java type name that still slips in.
    return message.replaceAll("`?\\b(?:java|rhoscope|com\\.fasterxml)\\.[\\w.$]+`?", "a value");
  }

  private static String field(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String jsonType(Class<?> type) {
    if (type == null) {
      return "a different JSON value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "a JSON integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a JSON number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a JSON boolean (true or false)";
    }
    if (type == String.class || type.isEnum() || CharSequence.class.isAssignableFrom(type)) {
      return "a JSON string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    return "a JSON object";
  }
}
