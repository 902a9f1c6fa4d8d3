package rhoscope.engine.reduce;

import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import rhoscope.engine.state.Canon;
import rhoscope.engine.state.Observed;
import rhoscope.engine.state.ThreadInfo;
import rhoscope.engine.state.ThreadTable;
import rhoscope.engine.state.CommEffect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import rhoscope.engine.open.MostGeneralClient;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/**
 * The reduction relation of one program over hash-consed states. A state is a sorted
 * {@code int[]} of thread ids (a multiset; Nil is absent, {@code new} binders are implicit:
 * private names are atoms numbered canonically). Its fingerprint is the sum of the
 * threads' mixed hashes, so a COMM updates it in O(threads touched).
 *
 * <p>Thread-safe: workers share the machine, each with its own {@link Expander}.
 */
public final class Machine {
  /** COMM results are memoised up to this many (receiver, messages) combinations (~40 MB). */
  private static final int MEMO_LIMIT = 1 << 18;
  static final CommEffect NO_MATCH = new CommEffect(new int[0], new int[0], new int[0], 0);
  /** The COMM matches but would build a value beyond {@link Limits}: it cannot be taken. */
  static final CommEffect TOO_LARGE = new CommEffect(new int[0], new int[0], new int[0], 0);

  final ThreadTable table = new ThreadTable();
  final boolean needsCanon;
  /** Beside a most-general client: only a client's wait for its answer is a deadlocked wait. */
  private final boolean open;
  private final int[] initial;
  /**
   * What the semantics reads of identifiers, whatever a caller observes: an open program's
   * {@code caller} (its waits are the deadlocked ones), and every identifier when the registry
   * runs (it files an inserted name under its identifier, as a string).
   */
  private final Observed own;
  /** The identifiers of the initial state's private names (without renumbering, the only ones). */
  private final Set<String> initialIdents;
  private final ConcurrentHashMap<CommKey, CommEffect> memo = new ConcurrentHashMap<>();
  private final AtomicInteger memoSize = new AtomicInteger();

  /**
   * The machine of {@code compiled} run beside {@code environment}, threads already unfolded
   * whose private names are numbered apart from the program's (see {@link Genesis}); {@code open}
   * when the program is a library composed with its most-general client.
   */
  Machine(Compiler.Compiled compiled, List<Term> environment, boolean open) {
    this.needsCanon = compiled.needsCanon() || !environment.isEmpty();
    this.open = open;
    List<Term> threads = new ArrayList<>(environment);
    threads.addAll(Runner.initial().run(compiled.term()));
    this.initial = normalise(intern(threads));
    boolean registry = !environment.isEmpty()
        || compiled.uris().stream().anyMatch(SystemProcesses.REGISTRY::contains);
    this.own = registry ? Observed.EVERY
        : open ? Observed.only(Set.of(MostGeneralClient.RETURN)) : Observed.NONE;
    Set<String> idents = new java.util.HashSet<>();
    for (int id : initial) {
      for (Term.Priv p : Terms.privates(table.get(id).term)) {
        idents.add(p.ident());
      }
    }
    this.initialIdents = Set.copyOf(idents);
  }

  /** Compiles a parsed process; LangException for unsupported constructs or free variables. */
  public static Machine load(ParsedProcess source) {
    return load(source, Optional.empty(), false);
  }

  /**
   * {@link #load(ParsedProcess)} on top of the state a genesis left, when given one; {@code open}
   * when {@code source} is a library composed with its most-general client: a state is then
   * deadlocked only where a client waits for an answer, see {@link MostGeneralClient}.
   */
  public static Machine load(ParsedProcess source, Optional<Genesis> genesis, boolean open) {
    Compiler.Compiled compiled = Compiler.compile(source,
        genesis.map(Genesis::served).orElse(Set.of()), Map.of());
    try {
      return new Machine(compiled, genesis.map(Genesis::threads).orElse(List.of()), open);
    } catch (Limits.TooLarge e) {
      throw new LangException(ErrorCode.EVALUATION, source.sourceName(), source.text(), 1, 1,
          "the initial process builds " + e.getMessage() + ", beyond the engine's value limits");
    }
  }

  public int[] initial() {
    return initial.clone();
  }

  public ThreadInfo thread(int id) {
    return table.get(id);
  }

  /** The exact state's fingerprint: every identifier observed (what traces record). */
  public long fingerprint(int[] state) {
    long fp = 0;
    for (int id : state) {
      fp += table.get(id).fpHash;
    }
    return fp;
  }

  /**
   * The state's fingerprint up to renaming the private names whose identifiers neither
   * {@code observed} nor the semantics ({@link #own}) observes: what an exploration that
   * observes {@code observed} tells states apart by ({@link Canon#identity}).
   */
  public long identity(int[] state, Observed observed) {
    Observed o = withOwn(observed);
    return exact(o) ? fingerprint(state) : Canon.identity(state, table, o);
  }

  /**
   * Per position of {@code state}, its thread's hash up to the renaming {@link #identity}
   * ignores ({@link Canon#threadHashes}): what orders a state's threads alike in every copy of
   * it.
   */
  public long[] threadIdentities(int[] state, Observed observed) {
    return Canon.threadHashes(state, table, withOwn(observed));
  }

  /**
   * The thread's hash with its names' numbers dropped and the identifiers neither
   * {@code observed} nor the semantics observes made anonymous ({@link Canon#hashUpToRenaming}).
   */
  public long hashUpToRenaming(int thread, Observed observed) {
    return Canon.hashUpToRenaming(table.get(thread), withOwn(observed));
  }

  /** {@code observed} with what the semantics itself reads. */
  Observed withOwn(Observed observed) {
    return observed.and(own);
  }

  /**
   * Whether the states of an exploration observing {@code observed} (with {@link #own}) are
   * their own identity, so that fingerprints can be updated per COMM: no name is made at run
   * time and at most one identifier of the initial state's names goes unobserved (each is one
   * name then, so no renaming of unobserved names but the identity maps a state to another).
   */
  boolean exact(Observed observed) {
    return !needsCanon
        && initialIdents.stream().filter(i -> !observed.observes(i)).limit(2).count() < 2;
  }

  /**
   * The registry's entries in {@code state}: each URI with the value inserted under it (the
   * contracts a program, or the genesis, registered), sorted by URI.
   */
  public Map<String, Term> registrations(int[] state) {
    Map<String, Term> out = new TreeMap<>();
    for (int id : state) {
      if (table.get(id).term instanceof Term.Send s && s.args().size() == 1
          && s.channel() instanceof Term.Quote q && q.proc() instanceof Term.TupleT t
          && t.elements().size() == 2
          && t.elements().get(0).equals(new Term.UriV(SystemProcesses.ENTRY))
          && t.elements().get(1) instanceof Term.UriV uri) {
        out.put(uri.value(), s.args().get(0));
      }
    }
    return out;
  }

  /**
   * Whether some linear receive (or peek, or select) is waiting in the state; in an open
   * program, whether some client waits for the answer to its call and no request to an
   * unmodelled system name, which the chain may still answer, is pending.
   */
  public boolean waitsLinearly(int[] state) {
    boolean waits = false;
    for (int id : state) {
      ThreadInfo t = table.get(id);
      if (!open && t.waitsLinearly()) {
        return true;
      }
      if (open && MostGeneralClient.asksTheChain(t.term)) {
        return false;
      }
      waits |= open && t.waitsLinearly() && isClientWait(t.term);
    }
    return waits;
  }

  /** Whether the state counts its waits as an open program does. */
  public boolean isOpen() {
    return open;
  }

  /** {@code for (... <- caller)}: a most-general client's wait for the answer to its call. */
  private static boolean isClientWait(Term t) {
    return t instanceof Term.Input in && in.kind() == ReceiptKind.LINEAR
        && in.binds().size() == 1
        && in.binds().get(0).channel() instanceof Term.Priv p
        && p.ident().equals(MostGeneralClient.RETURN);
  }

  /**
   * Drops the COMM memo (the explorers call it after an OutOfMemoryError); results are
   * recomputed on demand.
   */
  public void dropCaches() {
    memo.clear();
    memoSize.set(0);
  }

  /** A fresh expander of exact states (every identifier observed): one per worker thread. */
  public Expander expander() {
    return expander(Observed.EVERY);
  }

  /**
   * A fresh expander whose edges carry {@link #identity} fingerprints under {@code observed};
   * one per worker thread.
   */
  public Expander expander(Observed observed) {
    return new Expander(this, withOwn(observed));
  }

  /** Sorted ids of the threads a closed process unfolds to (with canonical names). */
  int[] normalise(int[] ids) {
    Arrays.sort(ids);
    return needsCanon ? Canon.canonical(ids, table) : ids;
  }

  private int[] intern(List<Term> threads) {
    int[] ids = new int[threads.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = table.intern(threads.get(i)).id;
    }
    return ids;
  }

  /**
   * The threads produced when {@code recv} (through {@code branch} for a select) takes the
   * messages {@code sends}, one per bind, or {@link #NO_MATCH}.
   */
  CommEffect comm(ThreadInfo recv, int branch, int[] sends, int n) {
    CommEffect hit = recv.cached(branch, sends, n);
    if (hit != null) {
      return hit;
    }
    CommKey key = new CommKey(recv.id, branch, Arrays.copyOf(sends, n));
    CommEffect result = memo.get(key);
    if (result == null) {
      try {
        result = compute(recv, branch, sends);
      } catch (Limits.TooLarge e) {
        result = TOO_LARGE;
      }
      if (memoSize.get() < MEMO_LIMIT && memo.putIfAbsent(key, result) == null) {
        memoSize.incrementAndGet();
      }
    }
    recv.cache(branch, sends, n, result);
    return result;
  }

  private CommEffect compute(ThreadInfo recv, int branch, int[] sends) {
    List<Term.InBind> binds;
    int frame;
    Term body;
    switch (recv.term) {
      case Term.Input in -> {
        binds = in.binds();
        frame = in.frame();
        body = in.body();
      }
      case Term.Choice c -> {
        Term.Branch b = c.branches().get(branch);
        binds = b.binds();
        frame = b.frame();
        body = b.body();
      }
      default -> throw new IllegalStateException("not a receive: " + recv.term);
    }
    Term[] slots = new Term[frame];
    for (int i = 0; i < binds.size(); i++) {
      Term.InBind b = binds.get(i);
      Term.Send msg = (Term.Send) table.get(sends[i]).term;
      if (!Matcher.args(b.patterns(), b.rest(), msg.args(), slots)) {
        return NO_MATCH;
      }
    }
    int[] produced = intern(Runner.step().run(Terms.instantiate(body, slots)));
    Arrays.sort(produced);
    long delta = 0;
    for (int id : produced) {
      delta += table.get(id).fpHash;
    }
    int n = binds.size();
    int[] removed = new int[n + 1];
    int r = 0;
    if (recv.kind != ThreadInfo.Kind.PERSISTENT) {
      removed[r++] = recv.id;
    }
    if (recv.kind != ThreadInfo.Kind.PEEK) {
      for (int j = 0; j < n; j++) {
        if (table.get(sends[j]).kind == ThreadInfo.Kind.SEND) {
          removed[r++] = sends[j];
        }
      }
    }
    removed = Arrays.copyOf(removed, r);
    Arrays.sort(removed);
    for (int id : removed) {
      delta -= table.get(id).fpHash;
    }
    return new CommEffect(produced, Arrays.copyOf(sends, n), removed, delta);
  }
}
