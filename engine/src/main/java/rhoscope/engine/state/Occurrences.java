package rhoscope.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a thread mentions private names: each occurrence with the key of its position. A
 * key is a hash of the path from the thread's root, in which a part of a Par, an element
 * of a set or an entry of a map is known by its shape (the hash with private names reduced
 * to their identifiers) rather than by its index: those are sorted by full hash, so their
 * order changes when names are renumbered, while the keys must not. Corresponding
 * occurrences of two threads that differ only by a renumbering of names have equal keys;
 * two occurrences of one thread share a key only when they sit in parts of equal shape.
 */
record Occurrences(List<Term.Priv> privs, long[] slots) {

  private static final Occurrences NONE = new Occurrences(List.of(), new long[0]);

  static Occurrences of(Term t) {
    if (Terms.privates(t).isEmpty()) {
      return NONE; // most threads: skip the shape hashes of the keys
    }
    List<Term.Priv> privs = new ArrayList<>();
    List<Long> slots = new ArrayList<>();
    new Walk(privs, slots).walk(t, 0x4F43L);
    long[] keys = new long[slots.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = slots.get(i);
    }
    return new Occurrences(List.copyOf(privs), keys);
  }

  private record Walk(List<Term.Priv> privs, List<Long> slots) {

    private static long child(long path, long role) {
      return Terms.combine(path, role);
    }

    /** The path of a part of an unordered collection: known by its shape. */
    private static long member(long path, long role, Term part) {
      return Terms.combine(Terms.combine(path, role), Terms.hash(part, true));
    }

    void walk(Term t, long path) {
      switch (t) {
        case Term.Priv p -> {
          privs.add(p);
          slots.add(path);
        }
        case Term.Par p -> p.parts().forEach(part -> walk(part, member(path, 1, part)));
        case Term.New n -> walk(n.body(), child(path, 2));
        case Term.Send s -> {
          walk(s.channel(), child(path, 3));
          list(s.args(), child(path, 4));
        }
        case Term.Input i -> {
          binds(i.binds(), child(path, 5));
          walk(i.body(), child(path, 6));
        }
        case Term.Choice c -> {
          for (int b = 0; b < c.branches().size(); b++) {
            long branch = child(child(path, 7), b);
            binds(c.branches().get(b).binds(), child(branch, 1));
            walk(c.branches().get(b).body(), child(branch, 2));
          }
        }
        case Term.Match m -> {
          walk(m.target(), child(path, 8));
          for (int k = 0; k < m.cases().size(); k++) {
            long at = child(child(path, 9), k);
            walk(m.cases().get(k).pattern(), child(at, 1));
            walk(m.cases().get(k).body(), child(at, 2));
          }
        }
        case Term.If i -> {
          walk(i.condition(), child(path, 10));
          walk(i.then(), child(path, 11));
          walk(i.otherwise(), child(path, 12));
        }
        case Term.Let l -> {
          for (int d = 0; d < l.decls().size(); d++) {
            Term.LetDecl decl = l.decls().get(d);
            long at = child(child(path, 13), d);
            list(decl.patterns(), child(at, 1));
            optional(decl.rest(), child(at, 2));
            list(decl.values(), child(at, 3));
          }
          walk(l.body(), child(path, 14));
        }
        case Term.Eval e -> walk(e.name(), child(path, 15));
        case Term.Quote q -> walk(q.proc(), child(path, 16));
        case Term.ListT l -> {
          list(l.elements(), child(path, 17));
          optional(l.rest(), child(path, 18));
        }
        case Term.TupleT tu -> list(tu.elements(), child(path, 19));
        case Term.SetT s -> {
          s.elements().forEach(e -> walk(e, member(path, 20, e)));
          optional(s.rest(), child(path, 21));
        }
        case Term.MapT m -> {
          for (int i = 0; i < m.keys().size(); i++) {
            Term key = m.keys().get(i);
            walk(key, child(member(path, 22, key), 1));
            walk(m.values().get(i), child(member(path, 22, key), 2));
          }
          optional(m.rest(), child(path, 23));
        }
        case Term.Bin b -> {
          walk(b.left(), child(path, 24));
          walk(b.right(), child(path, 25));
        }
        case Term.Un u -> walk(u.operand(), child(path, 26));
        case Term.Meth m -> {
          walk(m.receiver(), child(path, 27));
          list(m.args(), child(path, 28));
        }
        case Term.Nil n -> { }
        case Term.Var v -> { }
        case Term.IntV i -> { }
        case Term.BigV b -> { }
        case Term.StrV s -> { }
        case Term.BoolV b -> { }
        case Term.UriV u -> { }
        case Term.PVar v -> { }
        case Term.PWild w -> { }
        case Term.PType p -> { }
      }
    }

    private void list(List<Term> ts, long path) {
      for (int i = 0; i < ts.size(); i++) {
        walk(ts.get(i), child(path, i));
      }
    }

    private void optional(Optional<Term> t, long path) {
      t.ifPresent(x -> walk(x, path));
    }

    private void binds(List<Term.InBind> binds, long path) {
      for (int i = 0; i < binds.size(); i++) {
        Term.InBind b = binds.get(i);
        long at = child(path, i);
        walk(b.channel(), child(at, 1));
        list(b.patterns(), child(at, 2));
        optional(b.rest(), child(at, 3));
      }
    }
  }
}
