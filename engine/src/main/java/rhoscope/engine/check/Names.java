package rhoscope.engine.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import rhoscope.engine.ChannelKind;
import rhoscope.engine.ChannelView;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.type.NamePattern;

/** Decides which channel names a name pattern matches, in states and in suspended processes. */
final class Names {
  private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

  private Names() {}

  /** A channel of a state. */
  static boolean matches(NamePattern pattern, ChannelView channel) {
    return switch (pattern) {
      case NamePattern.AnyName a -> true;
      case NamePattern.StringName s ->
          channel.kind() == ChannelKind.STRING && glob(s.glob(), channel.label());
      case NamePattern.UriName u ->
          channel.kind() == ChannelKind.URI && glob(u.glob(), channel.label());
      case NamePattern.PrivateName p ->
          channel.kind() == ChannelKind.PRIVATE && channel.label().equals(p.identifier());
      case NamePattern.QuoteName q ->
          channel.quoted().map(proc -> Suspended.holds(q.type(), proc)).orElse(false);
    };
  }

  /**
   * A name written inside a suspended process (a continuation, a payload, a quoted process).
   * A private name reads back there as a variable spelled with the identifier it was declared
   * with, so it matches the private-name pattern of that identifier. A variable bound by the
   * receive itself reads back canonically renamed ({@code v0}) and is matched only by {@code _}.
   */
  static boolean matches(NamePattern pattern, Name name) {
    return switch (pattern) {
      case NamePattern.AnyName a -> true;
      case NamePattern.StringName s ->
          name instanceof Name.Quote q && q.proc() instanceof Proc.StringLit lit && glob(s.glob(), lit.value());
      case NamePattern.UriName u ->
          name instanceof Name.Quote q && q.proc() instanceof Proc.UriLit lit && glob(u.glob(), lit.value());
      case NamePattern.PrivateName p -> name instanceof Name.NameVar v && v.name().equals(p.identifier());
      case NamePattern.QuoteName q -> name instanceof Name.Quote n && Suspended.holds(q.type(), n.proc());
    };
  }

  /** {@code *} matches any run of characters, {@code ?} any one; everything else itself. */
  static boolean glob(String glob, String text) {
    if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
      return glob.equals(text);
    }
    return GLOBS.computeIfAbsent(glob, Names::compile).matcher(text).matches();
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
