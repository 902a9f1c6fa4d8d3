package rhoscope.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Talks to a server on loopback the way any client would: JSON over HTTP/1.1. */
public final class TestHttp {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  public TestHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response: its status, raw body, its headers, and the body as JSON when it parses. */
  public record Reply(int status, String body, String contentType, HttpHeaders headers) {
    /** The first value of the header {@code name}, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    /** The body's lines, each one JSON object (a streamed query). */
    public List<JsonNode> jsonLines() {
      return body.lines().filter(l -> !l.isBlank()).map(l -> {
        try {
          return JSON.readTree(l);
        } catch (IOException e) {
          throw new AssertionError("not a JSON line: " + l, e);
        }
      }).toList();
    }
  }

  public Reply get(String path) {
    return send(request(path).GET().build());
  }

  public Reply delete(String path, String token) {
    HttpRequest.Builder b = request(path).DELETE();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  public Reply post(String path, Object body) {
    return post(path, body, null);
  }

  public Reply post(String path, Object body, String token) {
    return postAs(path, "application/json", body, token);
  }

  /** A POST whose body is sent as {@code contentType} (none when null). */
  public Reply postAs(String path, String contentType, Object body, String token) {
    String text = body instanceof String s ? s : write(body);
    HttpRequest.Builder b =
        request(path).POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (token != null) {
      b.header(WriteGuard.HEADER, token);
    }
    return send(b.build());
  }

  public Reply postStream(String path, Object body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("Accept", QueryRoutes.NDJSON)
            .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
            .build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(
          r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
