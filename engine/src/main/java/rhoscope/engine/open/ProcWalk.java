package rhoscope.engine.open;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Branch;
import rhoscope.lang.ast.process.Case;
import rhoscope.lang.ast.process.Decl;
import rhoscope.lang.ast.process.KeyValue;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.Source;

/** Visits every process node of a tree, patterns and quoted names included. */
final class ProcWalk {
  private ProcWalk() {}

  static void each(Proc root, Consumer<Proc> visit) {
    List<Proc> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Proc p = stack.remove(stack.size() - 1);
      visit.accept(p);
      stack.addAll(children(p));
    }
  }

  /** The direct subprocesses of {@code p}: patterns, quoted names and bodies alike. */
  static List<Proc> children(Proc p) {
    List<Proc> out = new ArrayList<>();
    switch (p) {
      case Proc.Nil n -> { }
      case Proc.Par par -> out.addAll(par.parts());
      case Proc.New n -> out.add(n.body());
      case Proc.Send s -> {
        name(s.channel(), out);
        out.addAll(s.args());
      }
      case Proc.SendSync s -> {
        name(s.channel(), out);
        out.addAll(s.args());
        s.continuation().ifPresent(out::add);
      }
      case Proc.Input in -> {
        in.binds().forEach(b -> bind(b, out));
        out.add(in.body());
      }
      case Proc.Contract c -> {
        name(c.name(), out);
        c.formals().forEach(f -> name(f, out));
        c.remainder().ifPresent(out::add);
        out.add(c.body());
      }
      case Proc.Select s -> {
        for (Branch b : s.branches()) {
          b.binds().forEach(x -> bind(x, out));
          out.add(b.body());
        }
      }
      case Proc.Match m -> {
        out.add(m.target());
        for (Case c : m.cases()) {
          out.add(c.pattern());
          out.add(c.body());
        }
      }
      case Proc.If i -> {
        out.add(i.condition());
        out.add(i.then());
        i.otherwise().ifPresent(out::add);
      }
      case Proc.Let l -> {
        for (Decl d : l.decls()) {
          d.names().forEach(n -> name(n, out));
          d.remainder().ifPresent(out::add);
          out.addAll(d.values());
        }
        out.add(l.body());
      }
      case Proc.Bundle b -> out.add(b.body());
      case Proc.Eval e -> name(e.name(), out);
      case Proc.Var v -> { }
      case Proc.Wildcard w -> { }
      case Proc.VarRef r -> { }
      case Proc.BoolLit b -> { }
      case Proc.IntLit i -> { }
      case Proc.BigIntLit b -> { }
      case Proc.StringLit s -> { }
      case Proc.UriLit u -> { }
      case Proc.ListLit l -> {
        out.addAll(l.elements());
        l.remainder().ifPresent(out::add);
      }
      case Proc.TupleLit t -> out.addAll(t.elements());
      case Proc.SetLit s -> {
        out.addAll(s.elements());
        s.remainder().ifPresent(out::add);
      }
      case Proc.MapLit m -> {
        for (KeyValue kv : m.entries()) {
          out.add(kv.key());
          out.add(kv.value());
        }
        m.remainder().ifPresent(out::add);
      }
      case Proc.SimpleType t -> { }
      case Proc.Unary u -> out.add(u.operand());
      case Proc.Binary b -> {
        out.add(b.left());
        out.add(b.right());
      }
      case Proc.Method m -> {
        out.add(m.receiver());
        out.addAll(m.args());
      }
    }
    return out;
  }

  private static void bind(Bind b, List<Proc> out) {
    b.patterns().forEach(n -> name(n, out));
    b.remainder().ifPresent(out::add);
    switch (b.source()) {
      case Source.Simple s -> name(s.channel(), out);
      case Source.ReceiveSend r -> name(r.channel(), out);
      case Source.SendReceive sr -> {
        name(sr.channel(), out);
        out.addAll(sr.args());
      }
    }
  }

  private static void name(Name n, List<Proc> out) {
    switch (n) {
      case Name.Quote q -> out.add(q.proc());
      case Name.NameVar v -> { }
      case Name.NameWildcard w -> { }
    }
  }
}
