package rhoscope.server.wire;

import java.util.Locale;
import java.util.Objects;
import rhoscope.lang.diag.LangException;

/**
 * The JSON body of every error: a code, a message for people, and where in the submitted text the
 * problem is (line and column start at 1; 0 when the error has no place).
 */
public record ApiError(String error, String detail, int line, int column) {
  public ApiError {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(detail, "detail");
  }

  /** A malformed process or type: its error code in lower case, and its place. */
  public static ApiError of(LangException e) {
    return new ApiError(
        e.code().name().toLowerCase(Locale.ROOT), e.detail(), e.line(), e.column());
  }

  public static ApiError of(ApiException e) {
    return new ApiError(e.error(), e.detail(), e.line(), e.column());
  }
}
