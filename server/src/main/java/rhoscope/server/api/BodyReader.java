package rhoscope.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies as JSON, never more than the size limit: a body sent in chunks announces no
 * length, so the limit is enforced while reading, not only against {@code Content-Length}.
 */
final class BodyReader {
  private final long maxBytes;

  BodyReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Reads the request body as {@code type}; bad JSON is a 400 that points into the body. */
  <T> T read(Context ctx, Class<T> type) {
    byte[] bytes = bounded(ctx);
    if (bytes.length == 0) {
      throw ApiException.badRequest("the request needs a JSON body");
    }
    try {
      return Json.MAPPER.readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw badJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
      throw new UncheckedIOException(e);
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
        "invalid request body: " + e.getOriginalMessage(),
        at == null ? 0 : Math.max(0, at.getLineNr()),
        at == null ? 0 : Math.max(0, at.getColumnNr()));
  }
}
