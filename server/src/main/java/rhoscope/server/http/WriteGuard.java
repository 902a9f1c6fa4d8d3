package rhoscope.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import rhoscope.server.wire.ApiException;

/**
 * Writes carry the server's token, as {@code Authorization: Bearer TOKEN} or {@code X-Rhoscope-Token};
 * reads need none. A server started without a token refuses every write, so that an open port
 * never means an open database.
 */
final class WriteGuard {
  static final String HEADER = "X-Rhoscope-Token";

  /** The {@code WWW-Authenticate} challenge of a 401: the scheme a write must use. */
  static final String CHALLENGE = "Bearer realm=\"rhoscope\"";

  private final Optional<byte[]> token;

  WriteGuard(Optional<String> token) {
    this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  void require(Context ctx) {
    if (token.isEmpty()) {
      throw new ApiException(
          403, "writes_disabled", "this server takes no writes: start it with --token or RHOSCOPE_TOKEN");
    }
    String given = presented(ctx);
    // Constant-time comparison: the token must not leak through response timing.
    if (given == null
        || !MessageDigest.isEqual(token.get(), given.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(401, "unauthorized", "a write needs the server's token");
    }
  }

  private static String presented(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim();
    }
    return ctx.header(HEADER);
  }
}
