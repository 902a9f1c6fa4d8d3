package rhoscope.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import rhoscope.engine.state.Readback;
import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import rhoscope.engine.state.ThreadInfo;
import rhoscope.lang.ast.process.NameDecl;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.print.ProcessPrinter;

/**
 * A read-only view of one state: its threads (a multiset: a thread present k times is
 * listed k times), whether it is stuck, and its readback as Rholang. Views are built
 * lazily, so creating one for every explored state is cheap.
 */
public final class StateView {
  private final Program program;
  private final int[] ids;
  private final long fingerprint;
  /** -1 until known. */
  private volatile int successors;
  private volatile List<ThreadView> threads;

  StateView(Program program, int[] ids, long fingerprint, int successors) {
    this.program = program;
    this.ids = ids;
    this.fingerprint = fingerprint;
    this.successors = successors;
  }

  public long fingerprint() {
    return fingerprint;
  }

  public Program program() {
    return program;
  }

  public List<ThreadView> threads() {
    List<ThreadView> t = threads;
    if (t == null) {
      List<ThreadView> out = new ArrayList<>(ids.length);
      for (int id : ids) {
        out.add(program.threadView(id));
      }
      t = List.copyOf(out);
      threads = t;
    }
    return t;
  }

  /** No COMM is possible. */
  public boolean isStuck() {
    int s = successors;
    if (s < 0) {
      s = program.successorCount(ids, fingerprint);
      successors = s;
    }
    return s == 0;
  }

  /** Stuck while some linear receive ({@code <-}, {@code <<-}, select) still waits. */
  public boolean isDeadlocked() {
    return isStuck() && program.machine().waitsLinearly(ids);
  }

  /** Stuck with no linear receive waiting: only messages, contracts and {@code <=} remain. */
  public boolean isTerminal() {
    return isStuck() && !program.machine().waitsLinearly(ids);
  }

  /** The state as a process: private names declared by one {@code new} on top. */
  public Proc toProc() {
    List<Proc> parts = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int id : ids) {
      Term t = program.machine().thread(id).term();
      parts.add(Readback.proc(t));
      for (Term.Priv p : Terms.privates(t)) {
        names.add(Readback.label(p));
      }
    }
    Proc body = Proc.Par.of(parts);
    if (names.isEmpty()) {
      return body;
    }
    List<NameDecl> decls = names.stream()
        .map(n -> new NameDecl(n, java.util.Optional.empty())).toList();
    return new Proc.New(decls, body);
  }

  public String print() {
    return ProcessPrinter.print(toProc());
  }

  int[] ids() {
    return ids;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateView v && v.program == program && v.fingerprint == fingerprint;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint);
  }

  @Override
  public String toString() {
    return print();
  }

  /** The view of one interned thread (the same in every state that holds it). */
  static ThreadView view(ThreadInfo info) {
    Proc proc = Readback.proc(info.term());
    return switch (info.term()) {
      case Term.Send s -> new SendView(ChannelView.of(s.channel()),
          s.args().stream().map(Readback::proc).toList(), s.persistent(), proc);
      case Term.Input in -> new ReceiveView(switch (in.kind()) {
        case LINEAR -> ReceiveKind.LINEAR;
        case PERSISTENT -> ReceiveKind.PERSISTENT;
        case PEEK -> ReceiveKind.PEEK;
      }, in.binds().stream().map(b -> ChannelView.of(b.channel())).toList(), in.contract(), proc);
      case Term.Choice c -> new ReceiveView(ReceiveKind.LINEAR,
          c.branches().stream().flatMap(b -> b.binds().stream())
              .map(b -> ChannelView.of(b.channel())).toList(), false, proc);
      default -> throw new IllegalStateException("not a thread: " + info.term());
    };
  }
}
