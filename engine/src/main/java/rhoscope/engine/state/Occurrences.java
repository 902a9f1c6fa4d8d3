package rhoscope.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a thread mentions private names: each occurrence with the key of its position. A
 * key is a hash of the path from the thread's root, in which a part of a Par, an element
 * of a set or an entry of a map is known by its shape (the hash with private names all
 * alike) rather than by its index: those are sorted by full hash, so their
 * order changes when names are renumbered, while the keys must not. Corresponding
 * occurrences of two threads that differ only by a renumbering of names have equal keys;
 * two occurrences of one thread share a key only when they sit in parts of equal shape.
 */
record Occurrences(List<Term.Priv> privs, long[] slots, long[] members, long[] memberShapes) {
  /** The member of an occurrence that sits in no part mentioning its name alone. */
  static final long NO_MEMBER = Long.MIN_VALUE;
  /** The member of an occurrence in a thread that mentions its name alone: the thread. */
  static final long WHOLE_THREAD = -1;
  private static final int MEMBER_BITS = 24;

  private static final Occurrences NONE =
      new Occurrences(List.of(), new long[0], new long[0], new long[0]);

  /** The collection (numbered within its thread) of a member that is not the whole thread. */
  static long collection(long member) {
    return member >>> MEMBER_BITS;
  }

  static Occurrences of(Term t) {
    if (Terms.privates(t).isEmpty()) {
      return NONE; // most threads: skip the shape hashes of the keys
    }
    List<Term.Priv> privs = new ArrayList<>();
    List<Long> slots = new ArrayList<>();
    Walk walk = new Walk(privs, slots, new ArrayList<>(), new ArrayList<>());
    walk.walk(t, 0x4F43L);
    int n = slots.size();
    long[] keys = new long[n];
    long[] members = new long[n];
    long[] shapes = new long[n];
    boolean alone = privs.stream().distinct().count() == 1;
    long shape = alone ? Terms.hash(t, true) : 0;
    for (int i = 0; i < n; i++) {
      keys[i] = slots.get(i);
      members[i] = alone ? WHOLE_THREAD : walk.members.get(i);
      shapes[i] = alone ? shape : walk.shapes.get(i);
    }
    return new Occurrences(List.copyOf(privs), keys, members, shapes);
  }

  /**
   * The walk also finds, for each occurrence, the outermost member of an unordered collection
   * (a Par's part, a set's element, a map's entry) around it that mentions no other name: when
   * two names' such members are alike and sit in the same collections, swapping the two names
   * only permutes those members (the names are twins, {@link Canon} need not search them).
   */
  private record Walk(List<Term.Priv> privs, List<Long> slots, List<Long> members,
      List<Long> shapes, long[] nodes) {
    Walk(List<Term.Priv> privs, List<Long> slots, List<Long> members, List<Long> shapes) {
      this(privs, slots, members, shapes, new long[1]);
    }

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
          members.add(NO_MEMBER);
          shapes.add(0L);
        }
        case Term.Par p -> {
          long node = nextNode();
          for (int i = 0; i < p.parts().size(); i++) {
            Term part = p.parts().get(i);
            int start = privs.size();
            walk(part, member(path, 1, part));
            claim(start, node, i, Terms.hash(part, true));
          }
        }
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
          long node = nextNode();
          for (int i = 0; i < s.elements().size(); i++) {
            Term e = s.elements().get(i);
            int start = privs.size();
            walk(e, member(path, 20, e));
            claim(start, node, i, Terms.hash(e, true));
          }
          optional(s.rest(), child(path, 21));
        }
        case Term.MapT m -> {
          long node = nextNode();
          for (int i = 0; i < m.keys().size(); i++) {
            Term key = m.keys().get(i);
            int start = privs.size();
            walk(key, child(member(path, 22, key), 1));
            walk(m.values().get(i), child(member(path, 22, key), 2));
            claim(start, node, i,
                Terms.combine(Terms.hash(key, true), Terms.hash(m.values().get(i), true)));
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
        case Term.BytesV b -> { }
        case Term.PVar v -> { }
        case Term.PWild w -> { }
        case Term.PType p -> { }
      }
    }

    private long nextNode() {
      return nodes[0]++;
    }

    /**
     * Makes member {@code index} of collection {@code node}, which holds the occurrences from
     * {@code start} on, theirs when they all name one name; outer members claim last, so the
     * outermost wins.
     */
    private void claim(int start, long node, int index, long shape) {
      int end = privs.size();
      if (start == end) {
        return;
      }
      Term.Priv name = privs.get(start);
      for (int q = start + 1; q < end; q++) {
        if (!privs.get(q).equals(name)) {
          return;
        }
      }
      long member = (node << MEMBER_BITS) | index;
      for (int q = start; q < end; q++) {
        members.set(q, member);
        shapes.set(q, shape);
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
