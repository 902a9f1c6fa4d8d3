package rhoscope.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import rhoscope.server.wire.ApiError;
import rhoscope.server.wire.WireJson;

/**
 * Jetty's own error responses (a request it cannot parse: 400, 414, 431; one it refuses before
 * any route sees it) in the API's JSON error body instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
  private static final String JSON = "application/json";

  /** The protocol errors Jetty answers from its parser, before there is a request to route. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON));
    return ByteBuffer.wrap(WireJson.bytes(body(status, reason)));
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code,
      String message) throws IOException {
    response.setContentType(JSON);
    response.getOutputStream().write(WireJson.bytes(body(code, message)));
    baseRequest.setHandled(true);
  }

  static ApiError body(int status, String reason) {
    String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    return new ApiError(ErrorMapping.statusCode(status), detail, 0, 0);
  }
}
