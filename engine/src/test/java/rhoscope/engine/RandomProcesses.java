package rhoscope.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SendKind;
import rhoscope.lang.ast.process.Source;

/** Test helper: random processes from a seed, and congruent copies of them. */
final class RandomProcesses {
  private RandomProcesses() {}

  /** A random process of depth 3; see {@link Gen} for {@code sharedIdentifiers}. */
  static Proc process(Random random, boolean sharedIdentifiers) {
    return new Gen(random, sharedIdentifiers).proc(3, List.of(), List.of());
  }

  /**
   * Two or three copies of one random component beside another random process. Each copy
   * declares {@code a}, publishes it on {@code @"pool"}, takes some copy's name x from there
   * and links it to its own ({@code x!(*a)}) before going on at random: the copies' names
   * are symmetric and end up in cycles of either orientation, which colour refinement
   * cannot tell apart, so only a canonical search numbers them alike whatever the order.
   */
  static Proc symmetric(Random random) {
    Gen gen = new Gen(random, true);
    Name pool = new Name.Quote(new Proc.StringLit("pool"));
    Proc link = new Proc.Input(ReceiptKind.LINEAR,
        List.of(new Bind(List.of(new Name.NameVar("x")), Optional.empty(), new Source.Simple(pool))),
        Proc.Par.of(List.of(
            new Proc.Send(new Name.NameVar("x"), SendKind.SINGLE,
                List.of(new Proc.Eval(new Name.NameVar("a")))),
            gen.proc(1, List.of("a", "x"), List.of()))));
    Proc component = new Proc.New(List.of(new NameDecl("a", Optional.empty())),
        Proc.Par.of(List.of(new Proc.Send(pool, SendKind.SINGLE,
            List.of(new Proc.Eval(new Name.NameVar("a")))), link,
            gen.proc(1, List.of("a"), List.of()))));
    List<Proc> parts = new ArrayList<>();
    int copies = 2 + random.nextInt(2);
    for (int i = 0; i < copies; i++) {
      parts.add(component);
    }
    parts.add(gen.proc(2, List.of(), List.of()));
    return Proc.Par.of(parts);
  }

  /**
   * Random well-scoped processes. Every input binder gets a name used nowhere else; so does
   * every {@code new} binder, unless identifiers are shared: then each {@code new} declares
   * {@code a} or {@code b}, an inner one hiding an outer one, so that one identifier names
   * several private names (siblings, and names made again each time a receive fires).
   */
  private static final class Gen {
    private final Random random;
    private final boolean shared;
    private int fresh;

    Gen(Random random, boolean shared) {
      this.random = random;
      this.shared = shared;
    }

    Proc proc(int depth, List<String> names, List<String> procs) {
      int pick = depth == 0 ? random.nextInt(2) : random.nextInt(6);
      return switch (pick) {
        case 0 -> new Proc.Nil();
        case 1 -> send(names, procs);
        case 2 -> {
          List<Proc> parts = new ArrayList<>();
          int n = 2 + random.nextInt(2);
          for (int i = 0; i < n; i++) {
            parts.add(proc(depth - 1, names, procs));
          }
          yield Proc.Par.of(parts);
        }
        case 3 -> {
          List<NameDecl> decls = new ArrayList<>();
          List<String> inner = new ArrayList<>(names);
          int n = 1 + random.nextInt(2);
          for (int i = 0; i < n; i++) {
            String x = shared ? (i == 0 ? "a" : "b") : "n" + fresh++;
            decls.add(new NameDecl(x, Optional.empty()));
            inner.remove(x); // hidden by the new declaration
            inner.add(x);
          }
          yield new Proc.New(decls, proc(depth - 1, inner, procs));
        }
        default -> {
          Name channel = channel(names);
          List<String> innerNames = new ArrayList<>(names);
          List<String> innerProcs = new ArrayList<>(procs);
          Name pattern;
          if (random.nextBoolean()) {
            String x = "x" + fresh++;
            innerNames.add(x);
            pattern = new Name.NameVar(x);
          } else {
            String y = "y" + fresh++;
            innerProcs.add(y);
            pattern = new Name.Quote(new Proc.Var(y));
          }
          ReceiptKind kind = random.nextInt(4) == 0 ? ReceiptKind.PERSISTENT : ReceiptKind.LINEAR;
          yield new Proc.Input(kind,
              List.of(new Bind(List.of(pattern), Optional.empty(), new Source.Simple(channel))),
              proc(depth - 1, innerNames, innerProcs));
        }
      };
    }

    private Proc send(List<String> names, List<String> procs) {
      List<Proc> args = new ArrayList<>();
      int n = 1 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(3);
        if (pick == 0 && !procs.isEmpty()) {
          args.add(new Proc.Var(procs.get(random.nextInt(procs.size()))));
        } else if (pick == 1 && !names.isEmpty()) {
          args.add(new Proc.Eval(new Name.NameVar(names.get(random.nextInt(names.size())))));
        } else {
          args.add(new Proc.IntLit(random.nextInt(4)));
        }
      }
      return new Proc.Send(channel(names), SendKind.SINGLE, args);
    }

    private Name channel(List<String> names) {
      if (names.isEmpty() || random.nextInt(3) == 0) {
        return new Name.Quote(new Proc.StringLit(random.nextBoolean() ? "a" : "b"));
      }
      return new Name.NameVar(names.get(random.nextInt(names.size())));
    }
  }

  /** Shuffles every par, adds Nils, renames input-bound variables, reorders new decls. */
  static Proc congruent(Proc p, Random random) {
    return switch (p) {
      case Proc.Par par -> {
        List<Proc> parts = new ArrayList<>();
        for (Proc part : par.parts()) {
          parts.add(congruent(part, random));
        }
        Collections.shuffle(parts, random);
        yield withNil(Proc.Par.of(parts), random);
      }
      case Proc.New n -> {
        List<NameDecl> decls = new ArrayList<>(n.decls());
        Collections.shuffle(decls, random);
        yield withNil(new Proc.New(decls, congruent(n.body(), random)), random);
      }
      case Proc.Input in -> {
        Bind b = in.binds().get(0);
        Name pattern = switch (b.patterns().get(0)) {
          case Name.NameVar v -> new Name.NameVar(v.name() + "r");
          case Name.Quote q when q.proc() instanceof Proc.Var v ->
              new Name.Quote(new Proc.Var(v.name() + "r"));
          default -> b.patterns().get(0);
        };
        String old = b.patterns().get(0) instanceof Name.NameVar v ? v.name()
            : ((Proc.Var) ((Name.Quote) b.patterns().get(0)).proc()).name();
        Proc body = rename(congruent(in.body(), random), old, old + "r");
        yield withNil(new Proc.Input(in.kind(),
            List.of(new Bind(List.of(pattern), b.remainder(), b.source())), body), random);
      }
      default -> p;
    };
  }

  /**
   * Alpha-conversion of {@code new}s: every identifier renamed, consistently, to one of its own
   * chosen at random, and the occurrences of each declaration with it (an inner declaration of
   * the same identifier hides the outer one). The result is congruent to {@code p} wherever
   * nothing reads identifiers. (Two copies of one body keep alike binders: the identifier a
   * {@code new} under a guard will give its name is part of that body.)
   */
  static Proc alphaConverted(Proc p, Random random) {
    return alpha(p, random, new HashMap<>());
  }

  private static Proc alpha(Proc p, Random random, Map<String, String> to) {
    return switch (p) {
      case Proc.Par par -> Proc.Par.of(par.parts().stream().map(x -> alpha(x, random, to))
          .toList());
      case Proc.New n -> {
        Proc body = alpha(n.body(), random, to);
        List<NameDecl> decls = new ArrayList<>();
        for (NameDecl d : n.decls()) {
          String renamed = to.computeIfAbsent(d.var(),
              k -> "k" + to.size() + (char) ('a' + random.nextInt(26)));
          decls.add(new NameDecl(renamed, d.uri()));
          body = scopedRename(body, d.var(), renamed);
        }
        yield new Proc.New(decls, body);
      }
      case Proc.Input in -> new Proc.Input(in.kind(), in.binds(), alpha(in.body(), random, to));
      default -> p;
    };
  }

  /** {@link #rename} of the free occurrences of {@code from} only. */
  private static Proc scopedRename(Proc p, String from, String to) {
    return switch (p) {
      case Proc.Par par -> Proc.Par.of(par.parts().stream()
          .map(x -> scopedRename(x, from, to)).toList());
      case Proc.New n -> n.decls().stream().anyMatch(d -> d.var().equals(from)) ? n
          : new Proc.New(n.decls(), scopedRename(n.body(), from, to));
      case Proc.Input in -> new Proc.Input(in.kind(), in.binds().stream().map(b -> new Bind(
          b.patterns(), b.remainder(), new Source.Simple(rename(b.source().channel(), from, to))))
          .toList(), scopedRename(in.body(), from, to));
      default -> rename(p, from, to);
    };
  }

  private static Proc withNil(Proc p, Random random) {
    return random.nextInt(3) == 0 ? Proc.Par.of(List.of(p)) instanceof Proc.Par
        ? p : new Proc.Par(List.of(p instanceof Proc.Par ? new Proc.Nil() : p, new Proc.Nil()))
        : p;
  }

  private static Proc rename(Proc p, String from, String to) {
    return switch (p) {
      case Proc.Par par -> Proc.Par.of(par.parts().stream().map(x -> rename(x, from, to)).toList());
      case Proc.New n -> new Proc.New(n.decls(), rename(n.body(), from, to));
      case Proc.Input in -> new Proc.Input(in.kind(), in.binds().stream().map(b -> new Bind(
          b.patterns(), b.remainder(), new Source.Simple(rename(b.source().channel(), from, to))))
          .toList(), rename(in.body(), from, to));
      case Proc.Send s -> new Proc.Send(rename(s.channel(), from, to), s.kind(),
          s.args().stream().map(x -> rename(x, from, to)).toList());
      case Proc.Var v -> v.name().equals(from) ? new Proc.Var(to) : v;
      case Proc.Eval e -> new Proc.Eval(rename(e.name(), from, to));
      default -> p;
    };
  }

  private static Name rename(Name n, String from, String to) {
    return n instanceof Name.NameVar v && v.name().equals(from) ? new Name.NameVar(to) : n;
  }
}
