package rhoscope.indexer.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import rhoscope.engine.analysis.Channel;
import rhoscope.engine.analysis.ChannelKind;
import rhoscope.engine.analysis.ChannelUse;
import rhoscope.engine.analysis.Dependency;
import rhoscope.engine.analysis.StaticFeatures;
import rhoscope.indexer.features.ExplorationFeatures;
import rhoscope.indexer.features.ProcessFeatures;

/**
 * A stored process with its cached verdicts as bytes, and back: what moves a process to another
 * database without parsing, exploring or checking it again. It carries exactly what the catalog
 * keeps (the fields {@link FeatureRows} writes), so the copy indexes and answers as the original.
 */
public final class ProcessCodec {
  // Bump when the layout changes: members of one cluster must run the same build.
  private static final int LAYOUT = 1;

  private ProcessCodec() {}

  /** A stored process and its cached verdicts, by the type key they were cached under. */
  public record Portable(ProcessRecord record, Map<String, CachedVerdict> verdicts) {
    public Portable {
      Objects.requireNonNull(record, "record");
      verdicts = Map.copyOf(verdicts);
    }
  }

  public static byte[] encode(Portable p) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(LAYOUT);
      ProcessRecord r = p.record();
      for (String s :
          List.of(r.path(), r.name(), r.dataset(), r.format().name(), r.semantics(), r.source(),
              r.fingerprint())) {
        text(out, s);
      }
      out.writeLong(r.ingestedAt().getEpochSecond());
      out.writeInt(r.ingestedAt().getNano());
      texts(out, r.warnings());
      features(out, r.features());
      out.writeInt(p.verdicts().size());
      for (Map.Entry<String, CachedVerdict> e : new TreeMap<>(p.verdicts()).entrySet()) {
        CachedVerdict v = e.getValue();
        text(out, e.getKey());
        for (String s : List.of(v.verdict(), v.reason(), v.witness(), v.method(), v.reduction())) {
          text(out, s);
        }
        out.writeLong(v.millis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a process", e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a process of this layout (a member of
   *     another build sent them)
   */
  public static Portable decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int layout = in.readInt();
      if (layout != LAYOUT) {
        throw new IllegalArgumentException(
            "a process encoded in layout " + layout + ", this build reads " + LAYOUT
                + ": run the same rhoscope on every member");
      }
      String path = text(in);
      String name = text(in);
      String dataset = text(in);
      ProcessFormat format = ProcessFormat.valueOf(text(in));
      String semantics = text(in);
      String source = text(in);
      String fingerprint = text(in);
      Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
      List<String> warnings = texts(in);
      ProcessFeatures features = features(in);
      int n = in.readInt();
      Map<String, CachedVerdict> verdicts = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String key = text(in);
        String verdict = text(in);
        String reason = text(in);
        String witness = text(in);
        String method = text(in);
        String reduction = text(in);
        verdicts.put(key, new CachedVerdict(verdict, reason, witness, in.readLong(), method, reduction));
      }
      return new Portable(
          new ProcessRecord(
              0, path, name, dataset, format, semantics, source, fingerprint, at, warnings,
              features),
          verdicts);
    } catch (IOException e) {
      throw new IllegalArgumentException("a truncated or corrupt process: " + e.getMessage(), e);
    }
  }

  private static void features(DataOutputStream out, ProcessFeatures f) throws IOException {
    StaticFeatures s = f.statics();
    ExplorationFeatures e = f.exploration();
    out.writeBoolean(e.explored());
    out.writeBoolean(e.complete());
    out.writeLong(e.stateCount());
    out.writeLong(e.transitions());
    out.writeLong(e.millis());
    text(out, e.note());
    out.writeBoolean(e.deadlockReachable());
    out.writeBoolean(e.terminalReachable());
    out.writeBoolean(s.computesStrings());
    out.writeBoolean(s.hasLinearReceive());
    for (Collection<String> set :
        List.of(s.freeNames(), s.namespaces(), s.declaredNames(), s.literals(),
            s.raceCandidates(), e.carriedNames(), e.commChannels(), e.receiveChannels(),
            e.contractChannels(), f.neverCarried())) {
      texts(out, set);
    }
    out.writeInt(s.dependencies().size());
    for (Dependency d : s.dependencies()) {
      text(out, d.from());
      text(out, d.to());
    }
    out.writeInt(s.cycles().size());
    for (List<String> cycle : s.cycles()) {
      texts(out, cycle);
    }
    out.writeInt(s.channels().size());
    for (Map.Entry<Channel, ChannelUse> c : s.channels().entrySet()) {
      ChannelUse u = c.getValue();
      text(out, c.getKey().kind().name());
      text(out, c.getKey().label());
      out.writeInt(u.sends());
      out.writeInt(u.persistentSends());
      out.writeInt(u.linearReceives());
      out.writeInt(u.persistentReceives());
      out.writeInt(u.peeks());
      out.writeBoolean(u.sendRepeated());
      out.writeBoolean(u.linearReceiveRepeated());
    }
  }

  private static ProcessFeatures features(DataInputStream in) throws IOException {
    boolean explored = in.readBoolean();
    boolean complete = in.readBoolean();
    long states = in.readLong();
    long transitions = in.readLong();
    long millis = in.readLong();
    String note = text(in);
    boolean deadlock = in.readBoolean();
    boolean terminal = in.readBoolean();
    boolean computesStrings = in.readBoolean();
    boolean linearReceive = in.readBoolean();
    List<TreeSet<String>> sets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sets.add(new TreeSet<>(texts(in)));
    }
    TreeSet<Dependency> deps = new TreeSet<>();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      deps.add(new Dependency(text(in), text(in)));
    }
    List<List<String>> cycles = new ArrayList<>();
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      cycles.add(texts(in));
    }
    TreeMap<Channel, ChannelUse> channels = new TreeMap<>();
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      Channel c = new Channel(ChannelKind.valueOf(text(in)), text(in));
      channels.put(
          c,
          new ChannelUse(
              in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
              in.readBoolean(), in.readBoolean()));
    }
    StaticFeatures statics =
        new StaticFeatures(
            channels, sets.get(0), sets.get(1), sets.get(2), sets.get(3), computesStrings,
            linearReceive, deps, cycles, sets.get(4));
    ExplorationFeatures exploration =
        new ExplorationFeatures(
            explored, complete, states, transitions, millis, note, sets.get(5), sets.get(6),
            sets.get(7), sets.get(8), deadlock, terminal);
    return new ProcessFeatures(statics, exploration, sets.get(9));
  }

  private static void texts(DataOutputStream out, Collection<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      text(out, v);
    }
  }

  private static List<String> texts(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(text(in));
    }
    return out;
  }

  // Length and UTF-8 bytes: writeUTF stops at 64 KB, and a source may be larger.
  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
