package rhoscope.server.wire;

/**
 * One line of a streamed query ({@code application/x-ndjson}): progress and matches as they come,
 * then exactly one {@code done} with the whole answer or one {@code error}.
 */
public sealed interface StreamEvent {
  String event();

  record Progress(String event, long checked, long candidates) implements StreamEvent {
    public Progress(long checked, long candidates) {
      this("progress", checked, candidates);
    }
  }

  record Matched(String event, Match match) implements StreamEvent {
    public Matched(Match match) {
      this("match", match);
    }
  }

  record Done(String event, QueryAnswer answer) implements StreamEvent {
    public Done(QueryAnswer answer) {
      this("done", answer);
    }
  }

  record Failed(String event, String error, String detail, int line, int column)
      implements StreamEvent {
    public Failed(ApiError e) {
      this("error", e.error(), e.detail(), e.line(), e.column());
    }
  }
}
