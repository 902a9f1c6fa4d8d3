package rhoscope.engine.open;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import rhoscope.engine.reduce.SystemProcesses;
import rhoscope.engine.state.Term;
import rhoscope.lang.ParsedProcess;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.parse.ProcessParser;

/**
 * A client that calls a library's contracts, written in Rholang and run beside it, so the
 * library's states, steps and witnesses show the calls like any other thread. It holds
 * {@code calls} tokens on {@code callerBudget}; each candidate call is a persistent receive on
 * the tokens, so a step that takes a token names the call it makes and its arguments. A call
 * with a name formal makes a fresh return channel {@code caller}, passes it, and listens on it
 * for an answer of any arity. One more receive takes a token and makes no call, so a run may
 * stop after fewer calls. Tokens can all be taken before any call is served: calls are
 * concurrent.
 *
 * <p>The candidates are fixed when the program is loaded, but not all are available from the
 * start: a contract on a public name is called from the first state; a contract published
 * through the registry ({@link RegisteredContracts}, found anywhere in the program) only from a
 * state where the registry's directory holds its name, so one registered late in the run, after
 * lookups inside a receive (RChain's RevVault and MakeMint), is called once it is reachable.
 * The client keeps no state of its own besides its tokens, so states still meet.
 *
 * <p>In an open program only a client waiting on its {@code caller} counts as a deadlocked wait:
 * the library's own receives waiting for a message no caller can send (its services, or a
 * system answer it awaits) are its set-up, not something a caller caused; and while a request
 * to an unmodelled system name is pending ({@link #asksTheChain}), a waiting caller may be
 * waiting for the chain, so that state is no deadlock either.
 */
public final class MostGeneralClient {
  /** The identifier of each call's return channel. */
  public static final String RETURN = "caller";
  /** The identifier of the channel that holds the client's remaining calls. */
  public static final String BUDGET = "callerBudget";
  /**
   * The most argument lists tried per contract: one state offers a step for each, so a contract
   * with many formals (RChain's ListOps: thousands of lists) would make every state's expansion
   * take minutes. Past it the client tries lists spread evenly over all of them, and says so.
   */
  public static final int MAX_ARGUMENT_LISTS = 32;

  /**
   * The unmodelled system URIs a library asks the chain (keys, addresses, block data): see
   * {@link #asksTheChain}. The unsupported signed insertion is not among them: it is the
   * library's own set-up, and no caller waits for its URI.
   */
  private static final Set<String> CHAIN_ANSWERED = SystemProcesses.UNMODELLED.keySet().stream()
      .filter(u -> !u.equals(SystemProcesses.INSERT_SIGNED_UNSUPPORTED))
      .collect(Collectors.toUnmodifiableSet());

  private final int calls;
  private final List<Callable> callables;
  private final String source;
  private final List<String> skipped;
  private final List<String> sampled;
  private final int candidates;

  private MostGeneralClient(int calls, List<Callable> callables, String source,
      List<String> skipped, List<String> sampled, int candidates) {
    this.calls = calls;
    this.candidates = candidates;
    this.callables = List.copyOf(callables);
    this.source = Objects.requireNonNull(source, "source");
    this.skipped = List.copyOf(skipped);
    this.sampled = List.copyOf(sampled);
  }

  /** The client of {@code program}'s callables (as {@code open} finds them). */
  public static MostGeneralClient of(Proc program, OpenSystem open) {
    if (!open.isOpen()) {
      throw new IllegalArgumentException("a closed system has no client");
    }
    List<Callable> callables = open.callables().apply(program);
    ArgumentDomain domain = ArgumentDomain.of(program);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < open.calls(); i++) {
      parts.add(BUDGET + "!()");
    }
    parts.add("for (<= " + BUDGET + ") { Nil }");
    List<String> skipped = new ArrayList<>();
    List<String> sampled = new ArrayList<>();
    int candidates = 0;
    for (Callable c : callables) {
      ArgumentDomain.Sample sample = domain.sample(c, "*" + RETURN, MAX_ARGUMENT_LISTS);
      List<List<String>> lists = sample.lists();
      if (lists.isEmpty()) {
        skipped.add(c.signature());
      }
      if (sample.total().compareTo(java.math.BigInteger.valueOf(lists.size())) > 0) {
        sampled.add(c.signature() + " has " + sample.total() + " argument lists; the client"
            + " tries " + lists.size() + " of them, spread evenly");
      }
      boolean answers = c.formals().stream().anyMatch(f -> f instanceof Name.NameVar);
      candidates += lists.size();
      for (List<String> args : lists) {
        String call = c.send(args);
        parts.add(c.candidate(BUDGET, answers
            ? "new " + RETURN + " in { " + call + " | for (...@answer <- " + RETURN
                + ") { Nil } }"
            : call));
      }
    }
    String text = "new " + BUDGET + " in {\n  " + String.join(" |\n  ", parts) + "\n}\n";
    return new MostGeneralClient(open.calls(), callables, text, skipped, sampled, candidates);
  }

  /** The URIs of {@link #asksTheChain}, sorted. */
  public static List<String> chainAnswered() {
    return CHAIN_ANSWERED.stream().sorted().toList();
  }

  /**
   * Whether {@code thread} is a request to a system name rhoscope leaves unmodelled and the
   * chain answers ({@code rho:rev:address}, {@code rho:rchain:deployerId:ops}, ...). A state
   * where one is pending is not a deadlock of an open program: a caller waiting there may be
   * waiting for the chain's answer, which the model cannot give and must not call missing.
   */
  public static boolean asksTheChain(Term thread) {
    return thread instanceof Term.Send s && s.channel() instanceof Term.Quote q
        && q.proc() instanceof Term.UriV u && CHAIN_ANSWERED.contains(u.value());
  }

  /** The contracts the client calls. */
  public List<Callable> callables() {
    return callables;
  }

  /** The client as Rholang. */
  public String source() {
    return source;
  }

  /** Callables left out because some formal accepts no value of the domain (label/arity). */
  public List<String> skipped() {
    return skipped;
  }

  /**
   * What the client does, in words, for a check's warnings: which contracts it calls and how
   * often, or that there is nothing to call (and the process is checked as it is).
   */
  public List<String> notes() {
    List<String> out = new ArrayList<>();
    if (callables.isEmpty()) {
      out.add("open: no contract on a public name to call; the process is checked closed");
      return out;
    }
    out.add("open: a most-general client makes up to " + calls + " call(s), concurrently, to "
        + String.join(", ", callables.stream().map(Callable::signature).toList()) + " ("
        + candidates + " argument list(s)); a contract marked (registry) only once the"
        + " registry holds it; only a caller waiting for an answer counts as a deadlock, and"
        + " not while a request to an unmodelled system name is pending");
    for (String s : skipped) {
      out.add("open: " + s + " is never called: no value the client sends matches its formals");
    }
    for (String s : sampled) {
      out.add("open: " + s);
    }
    return out;
  }

  /** {@code library} and this client in parallel; the library keeps its source positions. */
  public ParsedProcess beside(ParsedProcess library) {
    Proc client = ProcessParser.parse("<most-general client>", source).process();
    return new ParsedProcess(library.sourceName(), library.text(),
        Proc.Par.of(List.of(library.process(), client)), library.positions());
  }
}
