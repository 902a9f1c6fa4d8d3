package rhoscope.server.wire;

/**
 * A request the server refuses, with the HTTP status, a short machine-readable {@code error} code
 * and, for bad input, where in the body the problem is; the central mapping turns it into the
 * JSON error body.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final int line;
  private final int column;

  public ApiException(int status, String error, String detail) {
    this(status, error, detail, 0, 0);
  }

  public ApiException(int status, String error, String detail, int line, int column) {
    super(detail, null, false, false);
    this.status = status;
    this.error = error;
    this.line = line;
    this.column = column;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "bad_request", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not_found", detail);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String detail() {
    return getMessage();
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
