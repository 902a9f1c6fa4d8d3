package rhoscope.lang.parse;

/** Resolves the escapes of Rholang string and URI literals (the only ones the grammar has). */
final class Escapes {
  private Escapes() {}

  /**
   * The content of a quoted literal token ({@code "..."} or {@code `...`}) with escapes
   * resolved: {@code \n} and {@code \t} become control characters, any other escaped
   * character ({@code \\}, {@code \"}, {@code \`}) stands for itself. The lexer has already
   * rejected every other escape.
   */
  static String unquote(String token) {
    String body = token.substring(1, token.length() - 1);
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        sb.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> next;
            });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
