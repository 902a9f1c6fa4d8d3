package rhoscope.engine.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cycles of a directed graph as its strongly connected components (Tarjan), kept when they hold a
 * cycle: two or more nodes, or one node with a self-loop. Iterative, so a large pathway's graph
 * cannot overflow the stack.
 */
final class Cycles {
  private final Map<String, List<String>> succ = new TreeMap<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> low = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final java.util.Set<String> onStack = new java.util.HashSet<>();
  private final List<List<String>> components = new ArrayList<>();
  private int counter;

  private Cycles(Collection<Dependency> edges) {
    for (Dependency d : edges) {
      succ.computeIfAbsent(d.from(), k -> new ArrayList<>()).add(d.to());
      succ.computeIfAbsent(d.to(), k -> new ArrayList<>());
    }
  }

  static List<List<String>> of(Collection<Dependency> edges) {
    Cycles c = new Cycles(edges);
    for (String v : c.succ.keySet()) {
      if (!c.index.containsKey(v)) {
        c.strongConnect(v);
      }
    }
    java.util.Set<Dependency> edgeSet = new java.util.HashSet<>(edges);
    List<List<String>> out = new ArrayList<>();
    for (List<String> comp : c.components) {
      if (comp.size() > 1 || edgeSet.contains(new Dependency(comp.get(0), comp.get(0)))) {
        out.add(List.copyOf(new TreeSet<>(comp)));
      }
    }
    out.sort(Comparator.comparing(l -> l.get(0)));
    return out;
  }

  /** Tarjan's algorithm with an explicit call stack of (node, next successor index). */
  private void strongConnect(String root) {
    Deque<Object[]> calls = new ArrayDeque<>();
    visit(root);
    calls.push(new Object[] {root, 0});
    while (!calls.isEmpty()) {
      Object[] frame = calls.peek();
      String v = (String) frame[0];
      int i = (Integer) frame[1];
      List<String> next = succ.get(v);
      if (i < next.size()) {
        frame[1] = i + 1;
        String w = next.get(i);
        if (!index.containsKey(w)) {
          visit(w);
          calls.push(new Object[] {w, 0});
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
        continue;
      }
      calls.pop();
      if (!calls.isEmpty()) {
        String parent = (String) calls.peek()[0];
        low.put(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v).equals(index.get(v))) {
        List<String> comp = new ArrayList<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          comp.add(w);
        } while (!w.equals(v));
        components.add(comp);
      }
    }
  }

  private void visit(String v) {
    index.put(v, counter);
    low.put(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
  }
}
