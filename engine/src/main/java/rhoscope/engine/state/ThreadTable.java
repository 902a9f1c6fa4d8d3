package rhoscope.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import rhoscope.lang.ast.process.ReceiptKind;

/**
 * Hash-consing of threads and channels: every distinct closed thread gets an int id once.
 * Thread-safe; lookups by id are plain array reads. An id reaches another worker only
 * through a state that was handed over with a happens-before edge, after its slot was
 * written, so the unsynchronised reads see it.
 */
public final class ThreadTable {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private final ConcurrentHashMap<Term, ThreadInfo> byTerm = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Term, Integer> channels = new ConcurrentHashMap<>();
  private final ThreadInfo[][] chunks = new ThreadInfo[1 << 19][];
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger nextChannel = new AtomicInteger();

  public ThreadInfo intern(Term t) {
    ThreadInfo known = byTerm.get(t);
    return known != null ? known : byTerm.computeIfAbsent(t, this::create);
  }

  public ThreadInfo get(int id) {
    return chunks[id >>> CHUNK_BITS][id & (CHUNK - 1)];
  }

  public int size() {
    return next.get();
  }

  private ThreadInfo create(Term t) {
    int id = next.getAndIncrement();
    ThreadInfo info = switch (t) {
      case Term.Send s -> new ThreadInfo(id, t,
          s.persistent() ? ThreadInfo.Kind.PERSISTENT_SEND : ThreadInfo.Kind.SEND,
          new int[] {channel(s.channel())}, Occurrences.of(t));
      case Term.Input i -> new ThreadInfo(id, t, kind(i.kind()), bindChannels(i.binds()),
          Occurrences.of(t));
      case Term.Choice c -> {
        List<Term.InBind> all = new ArrayList<>();
        c.branches().forEach(b -> all.addAll(b.binds()));
        yield new ThreadInfo(id, t, ThreadInfo.Kind.CHOICE, bindChannels(all), Occurrences.of(t));
      }
      default -> throw new IllegalArgumentException("not a thread: " + t);
    };
    int chunk = id >>> CHUNK_BITS;
    synchronized (chunks) {
      if (chunks[chunk] == null) {
        chunks[chunk] = new ThreadInfo[CHUNK];
      }
    }
    chunks[chunk][id & (CHUNK - 1)] = info;
    return info;
  }

  private static ThreadInfo.Kind kind(ReceiptKind k) {
    return switch (k) {
      case LINEAR -> ThreadInfo.Kind.LINEAR;
      case PERSISTENT -> ThreadInfo.Kind.PERSISTENT;
      case PEEK -> ThreadInfo.Kind.PEEK;
    };
  }

  private int[] bindChannels(List<Term.InBind> binds) {
    int[] out = new int[binds.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = channel(binds.get(i).channel());
    }
    return out;
  }

  private int channel(Term name) {
    Integer known = channels.get(name);
    return known != null ? known : channels.computeIfAbsent(name, n -> nextChannel.getAndIncrement());
  }
}
