package rhoscope.engine.reduce;

import rhoscope.engine.state.Term;
import rhoscope.engine.state.Terms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rhoscope.engine.state.Term.BoolV;
import rhoscope.engine.state.Term.IntV;
import rhoscope.engine.state.Term.ListT;
import rhoscope.engine.state.Term.MapT;
import rhoscope.engine.state.Term.SetT;
import rhoscope.engine.state.Term.StrV;
import rhoscope.engine.state.Term.TupleT;

/** Rholang's methods on ground data ({@code length}, {@code nth}, {@code get}, ...). */
final class Methods {
  private Methods() {}

  static Term call(Term recv, String method, List<Term> args) {
    return switch (method) {
      case "length", "size" -> {
        arity(method, args, 0);
        yield new IntV(switch (recv) {
          case StrV s -> s.value().codePointCount(0, s.value().length());
          case Term.BytesV b -> b.hex().length() / 2;
          default -> elements(recv).size();
        });
      }
      case "nth" -> {
        arity(method, args, 1);
        List<Term> es = recv instanceof TupleT t ? t.elements() : list(recv);
        yield es.get(index(args.get(0), es.size()));
      }
      case "get" -> {
        arity(method, args, 1);
        MapT m = map(recv);
        int at = m.keys().indexOf(args.get(0));
        yield at < 0 ? Term.NIL : m.values().get(at);
      }
      case "getOrElse" -> {
        arity(method, args, 2);
        MapT m = map(recv);
        int at = m.keys().indexOf(args.get(0));
        yield at < 0 ? args.get(1) : m.values().get(at);
      }
      case "set" -> {
        arity(method, args, 2);
        MapT m = map(recv);
        List<Term> ks = new ArrayList<>(m.keys());
        List<Term> vs = new ArrayList<>(m.values());
        Limits.elements(ks.size() + 1L);
        ks.add(args.get(0));
        vs.add(args.get(1));
        yield Terms.map(ks, vs, Optional.empty());
      }
      case "contains" -> {
        arity(method, args, 1);
        yield new BoolV(recv instanceof MapT m ? m.keys().contains(args.get(0))
            : recv instanceof StrV s ? args.get(0) instanceof StrV c
                && c.value().codePointCount(0, c.value().length()) == 1
                && s.value().contains(c.value())
            : elements(recv).contains(args.get(0)));
      }
      case "add" -> {
        arity(method, args, 1);
        List<Term> es = new ArrayList<>(set(recv).elements());
        Limits.elements(es.size() + 1L);
        es.add(args.get(0));
        yield Terms.set(es, Optional.empty());
      }
      case "delete" -> {
        arity(method, args, 1);
        if (recv instanceof MapT m) {
          yield diff(m, Terms.set(List.of(args.get(0)), Optional.empty()));
        }
        List<Term> es = new ArrayList<>(set(recv).elements());
        es.remove(args.get(0));
        yield Terms.set(es, Optional.empty());
      }
      case "union" -> {
        arity(method, args, 1);
        yield union(recv, args.get(0));
      }
      case "diff" -> {
        arity(method, args, 1);
        yield diff(recv, args.get(0));
      }
      case "keys" -> {
        arity(method, args, 0);
        yield Terms.set(map(recv).keys(), Optional.empty());
      }
      case "toList" -> {
        arity(method, args, 0);
        yield new ListT(elements(recv), Optional.empty());
      }
      case "toSet" -> {
        arity(method, args, 0);
        yield Terms.set(elements(recv), Optional.empty());
      }
      case "slice" -> {
        arity(method, args, 2);
        yield slice(recv, args.get(0), args.get(1));
      }
      case "take" -> {
        arity(method, args, 1);
        yield slice(recv, new IntV(0), args.get(0));
      }
      case SystemProcesses.URI_METHOD -> {
        arity(method, args, 0);
        yield SystemProcesses.arbitraryUri(Evaluator.integer(recv));
      }
      case "hexToBytes" -> {
        arity(method, args, 0);
        yield Bytes.fromHex(string(recv, method));
      }
      case "toUtf8Bytes" -> {
        arity(method, args, 0);
        yield Bytes.of(string(recv, method).getBytes(StandardCharsets.UTF_8));
      }
      case "bytesToHex" -> {
        arity(method, args, 0);
        yield new StrV(Bytes.hex(recv, method));
      }
      case SystemProcesses.HASH_METHOD -> {
        arity(method, args, 1);
        yield Bytes.of(Crypto.hash(string(args.get(0), method), Bytes.of(recv, method)));
      }
      case SystemProcesses.VERIFY_METHOD -> {
        arity(method, args, 3);
        yield new BoolV(Crypto.verify(string(args.get(0), method), Bytes.of(recv, method),
            Bytes.of(args.get(1), method), Bytes.of(args.get(2), method)));
      }
      case "toByteArray" -> {
        arity(method, args, 0);
        yield Bytes.of(Serialisation.toByteArray(recv));
      }
      case SystemProcesses.REV_METHOD -> {
        arity(method, args, 1);
        yield SystemProcesses.revAddress(recv, string(args.get(0), method));
      }
      case SystemProcesses.TAG_METHOD -> {
        arity(method, args, 0);
        yield SystemProcesses.registryTag(recv);
      }
      case "toString" -> {
        arity(method, args, 0);
        yield new StrV(text(recv));
      }
      default -> throw new EvalError("no method '" + method + "' on " + Evaluator.kind(recv));
    };
  }

  static Term concat(Term l, Term r) {
    if (l instanceof StrV a && r instanceof StrV b) {
      Limits.stringChars((long) a.value().length() + b.value().length());
      return new StrV(a.value() + b.value());
    }
    if (l instanceof Term.BytesV a && r instanceof Term.BytesV b) {
      Limits.stringChars((long) a.hex().length() + b.hex().length());
      return new Term.BytesV(a.hex() + b.hex());
    }
    if (l instanceof ListT a && r instanceof ListT b) {
      Limits.elements((long) a.elements().size() + b.elements().size());
      List<Term> es = new ArrayList<>(a.elements());
      es.addAll(b.elements());
      return new ListT(List.copyOf(es), Optional.empty());
    }
    throw new EvalError("'++' on " + Evaluator.kind(l) + " and " + Evaluator.kind(r));
  }

  static Term diff(Term l, Term r) {
    List<Term> drop = elements(r);
    if (l instanceof MapT m) {
      List<Term> ks = new ArrayList<>();
      List<Term> vs = new ArrayList<>();
      for (int i = 0; i < m.keys().size(); i++) {
        if (!drop.contains(m.keys().get(i))) {
          ks.add(m.keys().get(i));
          vs.add(m.values().get(i));
        }
      }
      return Terms.map(ks, vs, Optional.empty());
    }
    List<Term> es = new ArrayList<>(set(l).elements());
    es.removeAll(drop);
    return Terms.set(es, Optional.empty());
  }

  static Term interpolate(Term l, Term r) {
    if (!(l instanceof StrV s) || !(r instanceof MapT m)) {
      throw new EvalError("'%%' needs a String and a Map");
    }
    String out = s.value();
    for (int i = 0; i < m.keys().size(); i++) {
      if (m.keys().get(i) instanceof StrV k) {
        String key = "${" + k.value() + "}";
        String value = text(m.values().get(i));
        long hits = 0;
        for (int at = out.indexOf(key); at >= 0; at = out.indexOf(key, at + key.length())) {
          hits++;
        }
        Limits.stringChars(out.length() + hits * (value.length() - key.length()));
        out = out.replace(key, value);
      }
    }
    return new StrV(out);
  }

  private static Term union(Term l, Term r) {
    if (l instanceof MapT a && r instanceof MapT b) {
      Limits.elements((long) a.keys().size() + b.keys().size());
      List<Term> ks = new ArrayList<>(a.keys());
      List<Term> vs = new ArrayList<>(a.values());
      ks.addAll(b.keys());
      vs.addAll(b.values());
      return Terms.map(ks, vs, Optional.empty());
    }
    Limits.elements((long) set(l).elements().size() + set(r).elements().size());
    List<Term> es = new ArrayList<>(set(l).elements());
    es.addAll(set(r).elements());
    return Terms.set(es, Optional.empty());
  }

  private static Term slice(Term recv, Term from, Term to) {
    if (recv instanceof Term.BytesV y) {
      int a = bound(from, y.hex().length() / 2);
      int b = bound(to, y.hex().length() / 2);
      if (a > b) {
        throw new EvalError("slice bounds out of order");
      }
      return new Term.BytesV(y.hex().substring(2 * a, 2 * b));
    }
    if (recv instanceof StrV s) {
      int a = bound(from, s.value().length());
      int b = bound(to, s.value().length());
      if (a > b) {
        throw new EvalError("slice bounds out of order");
      }
      return new StrV(s.value().substring(a, b));
    }
    List<Term> es = list(recv);
    int a = bound(from, es.size());
    int b = bound(to, es.size());
    if (a > b) {
      throw new EvalError("slice bounds out of order");
    }
    return new ListT(List.copyOf(es.subList(a, b)), Optional.empty());
  }

  private static String string(Term t, String method) {
    if (t instanceof StrV s) {
      return s.value();
    }
    throw new EvalError("'" + method + "' needs a String, not " + Evaluator.kind(t));
  }

  private static String text(Term t) {
    return switch (t) {
      case StrV s -> s.value();
      case IntV i -> Long.toString(i.value());
      case Term.BigV b -> b.value().toString();
      case BoolV b -> Boolean.toString(b.value());
      case Term.UriV u -> u.value();
      default -> throw new EvalError("no text form for " + Evaluator.kind(t));
    };
  }

  private static void arity(String method, List<Term> args, int n) {
    if (args.size() != n) {
      throw new EvalError("'" + method + "' takes " + n + " argument(s)");
    }
  }

  private static int index(Term i, int size) {
    long v = Evaluator.integer(i);
    if (v < 0 || v >= size) {
      throw new EvalError("index " + v + " out of bounds");
    }
    return (int) v;
  }

  private static int bound(Term i, int size) {
    long v = Evaluator.integer(i);
    if (v < 0 || v > size) {
      throw new EvalError("index " + v + " out of bounds");
    }
    return (int) v;
  }

  private static List<Term> elements(Term t) {
    return switch (t) {
      case ListT l -> l.elements();
      case TupleT tu -> tu.elements();
      case SetT s -> s.elements();
      case MapT m -> m.keys();
      case StrV s -> {
        Limits.elements(s.value().codePointCount(0, s.value().length()));
        List<Term> cs = new ArrayList<>();
        s.value().codePoints().forEach(c -> cs.add(new StrV(Character.toString(c))));
        yield cs;
      }
      default -> throw new EvalError("not a collection: " + Evaluator.kind(t));
    };
  }

  private static List<Term> list(Term t) {
    if (t instanceof ListT l) {
      return l.elements();
    }
    throw new EvalError("expected a List, got " + Evaluator.kind(t));
  }

  private static SetT set(Term t) {
    if (t instanceof SetT s) {
      return s;
    }
    throw new EvalError("expected a Set, got " + Evaluator.kind(t));
  }

  private static MapT map(Term t) {
    if (t instanceof MapT m) {
      return m;
    }
    throw new EvalError("expected a Map, got " + Evaluator.kind(t));
  }
}
