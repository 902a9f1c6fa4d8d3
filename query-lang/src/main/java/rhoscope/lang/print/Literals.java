package rhoscope.lang.print;

/** Quotes strings and URIs with the escapes of the Rholang lexer. */
final class Literals {
  private Literals() {}

  /** {@code "..."}: the grammar knows the escapes \" \\ \n \t; other characters stand as is. */
  static String string(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** {@code `...`}: the grammar knows the escapes \` and \\. */
  static String uri(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('`');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '`' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('`').toString();
  }
}
