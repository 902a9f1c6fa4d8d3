package rhoscope.engine.analysis;

import java.util.LinkedHashSet;
import java.util.Set;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Branch;
import rhoscope.lang.ast.process.Case;
import rhoscope.lang.ast.process.Decl;
import rhoscope.lang.ast.process.KeyValue;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;

/** The variables a pattern binds. */
final class PatternVars {
  private final Set<String> vars = new LinkedHashSet<>();

  private PatternVars() {}

  static Set<String> of(Proc pattern) {
    PatternVars pv = new PatternVars();
    pv.proc(pattern);
    return pv.vars;
  }

  private void name(Name n) {
    switch (n) {
      case Name.NameVar v -> vars.add(v.name());
      case Name.NameWildcard w -> {}
      case Name.Quote q -> proc(q.proc());
    }
  }

  private void proc(Proc p) {
    switch (p) {
      case Proc.Var v -> vars.add(v.name());
      case Proc.Nil n -> {}
      case Proc.BoolLit b -> {}
      case Proc.IntLit i -> {}
      case Proc.BigIntLit b -> {}
      case Proc.StringLit s -> {}
      case Proc.UriLit u -> {}
      case Proc.Wildcard w -> {}
      case Proc.SimpleType t -> {}
      case Proc.VarRef r -> {}
      case Proc.Par par -> par.parts().forEach(this::proc);
      case Proc.New n -> proc(n.body());
      case Proc.Send s -> {
        name(s.channel());
        s.args().forEach(this::proc);
      }
      case Proc.SendSync s -> {
        name(s.channel());
        s.args().forEach(this::proc);
        s.continuation().ifPresent(this::proc);
      }
      case Proc.Input in -> {
        in.binds().forEach(this::bind);
        proc(in.body());
      }
      case Proc.Select sel -> {
        for (Branch b : sel.branches()) {
          b.binds().forEach(this::bind);
          proc(b.body());
        }
      }
      case Proc.Contract c -> {
        name(c.name());
        c.formals().forEach(this::name);
        c.remainder().ifPresent(this::proc);
        proc(c.body());
      }
      case Proc.Match m -> {
        proc(m.target());
        for (Case c : m.cases()) {
          proc(c.pattern());
          proc(c.body());
        }
      }
      case Proc.If i -> {
        proc(i.condition());
        proc(i.then());
        i.otherwise().ifPresent(this::proc);
      }
      case Proc.Let l -> {
        for (Decl d : l.decls()) {
          d.names().forEach(this::name);
          d.remainder().ifPresent(this::proc);
          d.values().forEach(this::proc);
        }
        proc(l.body());
      }
      case Proc.Bundle b -> proc(b.body());
      case Proc.Eval e -> name(e.name());
      case Proc.ListLit l -> {
        l.elements().forEach(this::proc);
        l.remainder().ifPresent(this::proc);
      }
      case Proc.TupleLit t -> t.elements().forEach(this::proc);
      case Proc.SetLit s -> {
        s.elements().forEach(this::proc);
        s.remainder().ifPresent(this::proc);
      }
      case Proc.MapLit m -> {
        for (KeyValue kv : m.entries()) {
          proc(kv.key());
          proc(kv.value());
        }
        m.remainder().ifPresent(this::proc);
      }
      case Proc.Unary u -> proc(u.operand());
      case Proc.Binary b -> {
        proc(b.left());
        proc(b.right());
      }
      case Proc.Method m -> {
        proc(m.receiver());
        m.args().forEach(this::proc);
      }
    }
  }

  private void bind(Bind b) {
    b.patterns().forEach(this::name);
    b.remainder().ifPresent(this::proc);
  }
}
