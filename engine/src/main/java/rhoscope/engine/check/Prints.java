package rhoscope.engine.check;

import java.util.concurrent.ConcurrentHashMap;
import rhoscope.engine.ThreadView;

/**
 * The printed text of thread views, remembered per view object. A program interns its thread
 * views (one object per thread, the same in every state), so each thread is printed once per
 * check instead of once per state. Keyed by identity: a view's record hashCode would walk its
 * whole process AST. Thread-safe.
 */
final class Prints {
  private final ConcurrentHashMap<Key, String> known = new ConcurrentHashMap<>();

  String of(ThreadView thread) {
    Key key = new Key(thread);
    String text = known.get(key);
    if (text == null) {
      text = thread.print();
      known.putIfAbsent(key, text);
    }
    return text;
  }

  private record Key(ThreadView view) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.view == view;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(view);
    }
  }
}
