package rhoscope.server.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rhoscope.engine.Cancellation;
import rhoscope.engine.check.Verdict;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;
import rhoscope.server.wire.ApiException;
import rhoscope.server.wire.CheckAnswer;
import rhoscope.server.wire.CheckMethod;
import rhoscope.server.wire.Match;
import rhoscope.server.wire.NamedType;
import rhoscope.server.wire.ProcessPage;
import rhoscope.server.wire.ProcessSummary;
import rhoscope.server.wire.QueryAnswer;
import rhoscope.server.wire.QueryStats;
import rhoscope.server.wire.StoredProcess;
import rhoscope.server.wire.TypeForms;
import rhoscope.server.wire.Unfinished;
import rhoscope.server.wire.Witness;

/**
 * A small in-memory {@link ProcessService} for testing the HTTP layer alone: its "types" are
 * {@code has "TEXT"} (holds when the source contains TEXT, with one witness frame per line that
 * does), {@code stalls on "TEXT"} (see {@link #STALLS}), {@code sleep N} (takes N ms, interruptibly, then holds for nothing), {@code polls} (busy until
 * its token is cancelled) and {@code wait}
 * (blocks until the test calls {@link #release()}), so that tests can drive timeouts and
 * saturation. A process whose braces do not balance is a syntax error at the
 * offending brace, as the real parser would report it.
 */
public final class ScriptedService implements ProcessService {
  private static final Pattern HAS = Pattern.compile("\\s*has\\s+\"([^\"]*)\"\\s*");
  private static final Pattern SLEEP = Pattern.compile("\\s*sleep\\s+(\\d+)\\s*");
  private static final Pattern WAIT = Pattern.compile("\\s*wait\\s*");
  /** Busy for N ms, deaf to interrupts: work that keeps its worker after being cancelled. */
  private static final Pattern STUBBORN = Pattern.compile("\\s*stubborn\\s+(\\d+)\\s*");
  /** Busy until its token is cancelled, deaf to interrupts: work that stops as the engine does. */
  private static final Pattern POLLS = Pattern.compile("\\s*polls\\s*");
  /**
   * A query over the processes in id order that holds at once for each, but stalls (polling its
   * token, as the engine does) on a process whose source contains TEXT: an unbounded process in
   * a query, whose time then runs out for certain, whatever the machine's speed.
   */
  private static final Pattern STALLS = Pattern.compile("\\s*stalls\\s+on\\s+\"([^\"]*)\"\\s*");

  private final Map<String, StoredProcess> byId = new ConcurrentSkipListMap<>();
  private final Map<String, String> idByKey = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final CountDownLatch gate = new CountDownLatch(1);
  volatile boolean closed;
  /** How many times a type was parsed: once per request, whatever the route does with it. */
  final AtomicInteger parses = new AtomicInteger();
  /** The names of the threads that parsed types. */
  final Set<String> parsingThreads = ConcurrentHashMap.newKeySet();
  /** Runs of {@code polls} that ended because their token was cancelled. */
  final AtomicInteger cancelledRuns = new AtomicInteger();

  @Override
  public PendingUpload stage(NewProcess p) {
    checkBraces(p.name(), p.source());
    return () -> store(p);
  }

  private synchronized Upload store(NewProcess p) {
    String key = p.dataset() + "/" + p.name();
    boolean created = !idByKey.containsKey(key);
    String id = idByKey.computeIfAbsent(key, k -> Long.toString(ids.incrementAndGet()));
    StoredProcess stored =
        new StoredProcess(
            Long.parseLong(id), p.name(), p.dataset(), p.format(), p.semantics(),
            Integer.toHexString(p.source().hashCode()), Instant.EPOCH, p.source(),
            p.source().strip(),
            Map.of("lines", p.source().lines().count(), "names", List.of("a", "b")),
            p.source().contains("TODO") ? List.of("source has a TODO") : List.of());
    byId.put(id, stored);
    return new Upload(stored, created);
  }

  @Override
  public ProcessPage list(ProcessFilter filter, int offset, int limit) {
    List<ProcessSummary> all =
        byId.values().stream()
            .filter(p -> filter.accepts(p.dataset(), p.name(), p.format()))
            .map(
                p -> new ProcessSummary(
                    p.id(), p.name(), p.dataset(), p.format(), p.semantics(), 1, true))
            .sorted(Comparator.comparing(ProcessSummary::name))
            .toList();
    List<ProcessSummary> page =
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    return new ProcessPage(all.size(), offset, limit, page);
  }

  @Override
  public Optional<StoredProcess> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized boolean remove(String id) {
    StoredProcess removed = byId.remove(id);
    if (removed != null) {
      idByKey.remove(removed.dataset() + "/" + removed.name());
    }
    return removed != null;
  }

  @Override
  public long count() {
    return byId.size();
  }

  @Override
  public Prepared<QueryAnswer> prepareQuery(QuerySpec spec, QueryListener listener) {
    return (cancel, deadline) -> {
      String text = parseType(spec.type()).normalised();
      listener.compiled();
      return query(spec, listener, text, cancel);
    };
  }

  private QueryAnswer query(QuerySpec spec, QueryListener listener, String text, Cancellation cancel) {
    long start = System.nanoTime();
    sleepIfAsked(spec.type(), cancel);
    Matcher stalls = STALLS.matcher(spec.type());
    List<StoredProcess> scope =
        byId.values().stream()
            .filter(p -> spec.filter().accepts(p.dataset(), p.name(), p.format()))
            .sorted(Comparator.comparing(StoredProcess::id))
            .toList();
    List<Match> found = new ArrayList<>();
    List<Unfinished> unfinished = new ArrayList<>();
    long checked = 0;
    for (StoredProcess p : scope) {
      if (cancel.isCancelled()) {
        unfinished.add(unfinished(p, "not checked: the query's time ran out before its turn"));
        continue;
      }
      checked++;
      Optional<Witness> w;
      if (stalls.matches()) {
        if (p.source().contains(stalls.group(1))) {
          while (!cancel.isCancelled()) {
            Thread.onSpinWait();
          }
          unfinished.add(unfinished(p, "the query was cancelled while this check ran"));
          listener.progress(checked, scope.size());
          continue;
        }
        w = Optional.of(new Witness(p.source(), List.of()));
      } else {
        w = witness(spec.type(), p.source());
      }
      if (w.isPresent()) {
        Match m = new Match(
                p.id(), p.name(), p.dataset(), p.format(), Verdict.YES, CheckMethod.EXPLORE, null,
                w.get(), 0, false);
        found.add(m);
        if (found.size() <= spec.offset() + spec.limit()) {
          listener.matched(m);
        }
      }
      listener.progress(checked, scope.size());
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    List<Match> page =
        found.subList(
            Math.min(spec.offset(), found.size()),
            Math.min(spec.offset() + spec.limit(), found.size()));
    return new QueryAnswer(
        text, "true", found.size(), spec.offset(), spec.limit(), page, !unfinished.isEmpty(),
        unfinished, List.of(),
        new QueryStats(
            byId.size(), scope.size(), checked, found.size(), unfinished.size(), 0, ms));
  }

  private static Unfinished unfinished(StoredProcess p, String reason) {
    return new Unfinished(p.id(), p.name(), p.dataset(), p.format(), Verdict.UNKNOWN, reason);
  }

  @Override
  public Prepared<CheckAnswer> prepareCheck(CheckSpec spec) {
    return (cancel, deadline) -> check(spec, parseType(spec.type()).normalised(), cancel);
  }

  private CheckAnswer check(CheckSpec spec, String text, Cancellation cancel) {
    sleepIfAsked(spec.type(), cancel);
    String source =
        switch (spec.process()) {
          case CheckSpec.Inline inline -> {
            checkBraces("request", inline.source());
            yield inline.source();
          }
          case CheckSpec.Stored stored ->
              get(stored.id())
                  .orElseThrow(() -> ApiException.notFound("no process with id '" + stored.id() + "'"))
                  .source();
        };
    Optional<Witness> w = witness(spec.type(), source);
    return new CheckAnswer(
        text, w.isPresent() ? Verdict.YES : Verdict.NO, CheckMethod.EXPLORE, null, w.orElse(null),
        source.lines().count(), true, 0, List.of());
  }

  @Override
  public List<NamedType> types() {
    return List.of(
        new NamedType("has_send", List.of("n"), "has \"!\"", "some send is written"),
        new NamedType("nap", List.of(), "sleep 10", "takes a short nap"));
  }

  @Override
  public TypeForms parseType(String type) {
    parses.incrementAndGet();
    parsingThreads.add(Thread.currentThread().getName());
    if (POLLS.matcher(type).matches()) {
      return new TypeForms("polls", "polls");
    }
    Matcher stalls = STALLS.matcher(type);
    if (stalls.matches()) {
      String text = "stalls on \"" + stalls.group(1) + "\"";
      return new TypeForms(text, text);
    }
    Matcher has = HAS.matcher(type);
    if (has.matches()) {
      String text = "has \"" + has.group(1) + "\"";
      return new TypeForms(text, text);
    }
    Matcher sleep = SLEEP.matcher(type);
    if (sleep.matches()) {
      String text = "sleep " + Long.parseLong(sleep.group(1));
      return new TypeForms(text, text);
    }
    if (WAIT.matcher(type).matches()) {
      return new TypeForms("wait", "wait");
    }
    Matcher stubborn = STUBBORN.matcher(type);
    if (stubborn.matches()) {
      String text = "stubborn " + Long.parseLong(stubborn.group(1));
      return new TypeForms(text, text);
    }
    int line = 1;
    int column = 1;
    for (int i = 0; i < type.length() && Character.isWhitespace(type.charAt(i)); i++) {
      if (type.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    throw new LangException(
        ErrorCode.SYNTAX, "type", type, line, column, "expected 'has \"TEXT\"' or 'sleep N'");
  }

  @Override
  public void close() {
    closed = true;
  }

  private static Optional<Witness> witness(String type, String source) {
    Matcher has = HAS.matcher(type);
    if (!has.matches() || !source.contains(has.group(1))) {
      return Optional.empty();
    }
    List<Witness.Step> steps = new ArrayList<>();
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(has.group(1))) {
        String after = String.join("\n", lines.subList(i + 1, lines.size()));
        String line = "line" + (i + 1);
        steps.add(new Witness.Step(steps.size() + 1, new Witness.Channel("private", line, line),
            lines.get(i).strip(), "reader", after));
      }
    }
    return Optional.of(new Witness(source, steps));
  }

  /** Lets every {@code wait} query finish. */
  void release() {
    gate.countDown();
  }

  private void sleepIfAsked(String type, Cancellation cancel) {
    if (POLLS.matcher(type).matches()) {
      while (!cancel.isCancelled()) {
        Thread.onSpinWait();
      }
      cancelledRuns.incrementAndGet();
      return;
    }
    Matcher sleep = SLEEP.matcher(type);
    Matcher stubborn = STUBBORN.matcher(type);
    if (stubborn.matches()) {
      long until = System.nanoTime() + Long.parseLong(stubborn.group(1)) * 1_000_000;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      return;
    }
    try {
      if (sleep.matches()) {
        Thread.sleep(Long.parseLong(sleep.group(1)));
      } else if (WAIT.matcher(type).matches()) {
        gate.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void checkBraces(String name, String source) {
    int depth = 0;
    int line = 1;
    int column = 0;
    int openLine = 0;
    int openColumn = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
      } else if (c == '{') {
        if (depth++ == 0) {
          openLine = line;
          openColumn = column;
        }
      } else if (c == '}' && --depth < 0) {
        throw new LangException(ErrorCode.SYNTAX, name, source, line, column, "unexpected '}'");
      }
    }
    if (depth > 0) {
      throw new LangException(
          ErrorCode.SYNTAX, name, source, openLine, openColumn, "'{' is never closed");
    }
  }
}
