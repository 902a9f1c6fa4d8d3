package rhoscope.engine.check;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import rhoscope.engine.Cancellation;
import rhoscope.engine.Program;
import rhoscope.lang.ParsedType;
import rhoscope.lang.ast.type.NamePattern;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeLibrary;
import rhoscope.lang.ast.type.TypeNormalizer;
import rhoscope.lang.parse.TypeParser;
import rhoscope.lang.print.TypePrinter;

/**
 * A type compiled once for checking many processes (Lucene's {@code Weight}): parsed, expanded to
 * its core, validated, its shape found and its cache key printed, so that a query over a thousand
 * candidates does that work once, not once per candidate or once per layer it passes through.
 * Immutable and thread-safe: one plan checks candidates on many threads at once.
 */
public final class CheckPlan {
  private final Optional<ParsedType> parsed;
  private final Type core;
  private final Optional<Shape> shape;
  private final String key;
  /** The private identifiers the type names: states that differ in them differ for it. */
  private final Set<String> observed;
  /** This plan for open programs (its waits those of clients), made when first needed. */
  private volatile CheckPlan open;

  private CheckPlan(Optional<ParsedType> parsed, Type core, String key) {
    Support.validate(core);
    this.parsed = parsed;
    this.core = core;
    this.shape = Shape.of(core);
    this.key = key;
    Set<String> idents = new TreeSet<>();
    privateIdentifiers(core, idents);
    this.observed = Set.copyOf(idents);
  }

  private static void privateIdentifiers(Type type, Set<String> out) {
    for (NamePattern n : type.names()) {
      if (n instanceof NamePattern.PrivateName p) {
        out.add(p.identifier());
      }
    }
    for (Type child : type.children()) {
      privateIdentifiers(child, out);
    }
  }

  /** The plan an open program is checked with: see {@link OpenWaits}. */
  CheckPlan forOpen() {
    CheckPlan p = open;
    if (p == null) {
      Type rewritten = OpenWaits.rewrite(core);
      p = rewritten.equals(core) ? this : new CheckPlan(parsed, rewritten, key);
      open = p;
    }
    return p;
  }

  /**
   * Parses {@code text} (named {@code sourceName} in errors) and compiles it.
   *
   * @throws rhoscope.lang.diag.LangException when the type does not parse, or the checker does
   *     not support it ({@code UNSUPPORTED})
   */
  public static CheckPlan parse(String sourceName, String text) {
    return compile(TypeParser.parse(sourceName, text));
  }

  /** @throws rhoscope.lang.diag.LangException {@code UNSUPPORTED} (see {@link #compile(Type)}) */
  public static CheckPlan compile(ParsedType type) {
    Objects.requireNonNull(type, "type");
    return new CheckPlan(Optional.of(type), type.core(), type.normalizedKey());
  }

  /**
   * Compiles a core type (see {@link rhoscope.lang.ast.type.TypeExpander}).
   *
   * @throws rhoscope.lang.diag.LangException with {@code UNSUPPORTED} when a modality, fixpoint
   *     or {@code race} is an operand of {@code |}
   */
  public static CheckPlan compile(Type core) {
    Objects.requireNonNull(core, "core");
    return new CheckPlan(Optional.empty(), core, TypeNormalizer.key(core, TypeLibrary.empty()));
  }

  /** The parse the plan was compiled from; empty for a plan compiled from a core type. */
  public Optional<ParsedType> parsed() {
    return parsed;
  }

  /** The type as written, or for a plan compiled from a core type, that type printed. */
  public String text() {
    return parsed.map(ParsedType::text).orElseGet(() -> TypePrinter.print(core));
  }

  /** The core type the checker evaluates. */
  public Type core() {
    return core;
  }

  /** The canonical text of the core, up to bound-variable names: a verdict cache key. */
  public String key() {
    return key;
  }

  /** Whether a check stops exploring at the first state that settles it ({@code eventually P}). */
  public boolean onTheFly() {
    return shape.isPresent() && shape.get().onTheFly();
  }

  Optional<Shape> shape() {
    return shape;
  }

  /**
   * The private identifiers the type reads ({@code balance!(< 0)} reads {@code balance}): the
   * exploration tells states apart by them, and by nothing else private names are called.
   */
  public Set<String> observed() {
    return observed;
  }

  /** Checks one process; a run nobody can cancel. */
  public CheckResult check(Program program, CheckOptions options) {
    return check(program, options, Cancellation.NEVER);
  }

  /**
   * Checks one process. Once {@code cancel} is cancelled the check ends at its next poll with
   * verdict {@link Verdict#UNKNOWN}, {@code complete} false and reason {@code "cancelled"}.
   */
  public CheckResult check(Program program, CheckOptions options, Cancellation cancel) {
    return ModelChecker.run(program, this, options, cancel);
  }
}
