package rhoscope.lang.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rhoscope.lang.ast.type.Type;
import rhoscope.lang.ast.type.TypeDefinition;
import rhoscope.lang.ast.type.TypeLibrary;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.lang.diag.Positions;
import rhoscope.lang.diag.SourceSpan;

/**
 * Bounds a query's size and depth once its named types are inlined, measured without inlining
 * them and without recursion, so that every later pass (expansion, printing, checking, all
 * recursive) can follow whatever the parser accepts.
 *
 * <p>Each use of a named type copies its definition, so {@code let t1 = t0 and t0; let t2 = t1
 * and t1; ...} doubles with every line: 26 such lines once filled a 6 GB heap. Definitions are
 * measured once each, so the check is linear in the text however large the expansion would be.
 * Depth counts operator chains too ({@code a or b or ...} nests in the tree), which the
 * parse-tree check of {@link NestingLimit} leaves alone.
 */
final class TypeLimits {
  /** Nodes of the inlined type; the standard library's largest use is a few dozen. */
  static final long MAX_NODES = 100_000;
  /** Levels of the inlined type; expansion multiplies them by up to five. */
  static final int MAX_DEPTH = 1024;

  private record Measure(long size, int depth) {}

  private final TypeLibrary scope;
  private final Map<String, Measure> definitions = new HashMap<>();

  private TypeLimits(TypeLibrary scope) {
    this.scope = scope;
  }

  /**
   * Rejects the first of {@code definitions} (in order), or else {@code type}, whose expansion
   * is larger than {@link #MAX_NODES} or deeper than {@link #MAX_DEPTH}, at its position.
   */
  static void check(
      List<TypeDefinition> definitions,
      Type type,
      TypeLibrary scope,
      Positions positions,
      String sourceName,
      String text) {
    TypeLimits limits = new TypeLimits(scope);
    for (TypeDefinition definition : definitions) {
      Measure m = limits.measure(definition);
      reject(m, positions.of(definition), sourceName, text, "named type " + definition.name());
    }
    reject(limits.measure(type), positions.of(type), sourceName, text, "the type");
  }

  private static void reject(
      Measure m, java.util.Optional<SourceSpan> at, String sourceName, String text, String what) {
    SourceSpan span = at.orElse(SourceSpan.at(1, 1));
    if (m.depth() > MAX_DEPTH) {
      throw new LangException(
          ErrorCode.TOO_DEEP,
          sourceName,
          text,
          span.line(),
          span.column(),
          String.format("%s is nested more than %,d levels deep", what, MAX_DEPTH));
    }
    if (m.size() > MAX_NODES) {
      throw new LangException(
          ErrorCode.TOO_LARGE,
          sourceName,
          text,
          span.line(),
          span.column(),
          String.format(
              "%s expands to more than %,d nodes (every use of a named type copies its"
                  + " definition)",
              what,
              MAX_NODES));
    }
  }

  private Measure measure(TypeDefinition definition) {
    Measure known = definitions.get(definition.name());
    if (known == null) {
      known = measure(definition.body());
      definitions.put(definition.name(), known);
    }
    return known;
  }

  /** Post-order over an explicit stack; sizes saturate just past the limit, so no sum overflows. */
  private Measure measure(Type root) {
    record Frame(Type type, List<Type> children, int next, long size, int depth) {}
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, root.children(), 0, own(root).size(), own(root).depth()));
    Measure done = null;
    while (true) {
      Frame top = stack.pop();
      long size = top.size();
      int depth = top.depth();
      if (done != null) {
        size = Math.min(MAX_NODES + 1, size + done.size());
        depth = Math.max(depth, done.depth() + 1);
        done = null;
      }
      if (top.next() < top.children().size()) {
        Type child = top.children().get(top.next());
        stack.push(new Frame(top.type(), top.children(), top.next() + 1, size, depth));
        Measure own = own(child);
        stack.push(new Frame(child, child.children(), 0, own.size(), own.depth()));
        continue;
      }
      done = new Measure(size, depth);
      if (stack.isEmpty()) {
        return done;
      }
    }
  }

  /** A node's own measure: one node, or the whole inlined definition for a call. */
  private Measure own(Type type) {
    if (type instanceof Type.Call call) {
      return scope.lookup(call.name()).map(this::measure).orElse(new Measure(1, 1));
    }
    return new Measure(1, 1);
  }
}
