package rhoscope.indexer.lucene;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import rhoscope.engine.analysis.Channel;
import rhoscope.engine.analysis.ChannelUse;
import rhoscope.engine.analysis.Dependency;
import rhoscope.engine.analysis.StaticFeatures;
import rhoscope.indexer.catalog.ProcessRecord;
import rhoscope.indexer.features.ExplorationFeatures;

/** Builds the one Lucene document of a stored process. */
final class Documents {
  /** Doc values twin of {@link Fields#ID}, read by collectors without loading stored fields. */
  static final String ID_VALUES = "id_dv";

  private Documents() {}

  static Document of(ProcessRecord r) {
    Document d = new Document();
    d.add(new StringField(Fields.ID, Long.toString(r.id()), Field.Store.YES));
    d.add(new NumericDocValuesField(ID_VALUES, r.id()));
    d.add(new StoredField(Fields.PATH, r.path()));
    d.add(new TextField(Fields.NAME, r.name(), Field.Store.YES));
    d.add(new StringField(Fields.NAME_EXACT, r.name().toLowerCase(Locale.ROOT), Field.Store.NO));
    d.add(new StringField(Fields.DATASET, r.dataset(), Field.Store.YES));
    d.add(
        new StringField(
            Fields.FORMAT, r.format().name().toLowerCase(Locale.ROOT), Field.Store.YES));
    d.add(new StringField(Fields.SEMANTICS, r.semantics(), Field.Store.NO));
    d.add(new StringField(Fields.FINGERPRINT, r.fingerprint(), Field.Store.YES));
    d.add(new TextField(Fields.TEXT, r.name() + "\n" + r.source(), Field.Store.NO));

    StaticFeatures s = r.features().statics();
    strings(d, Fields.FREE_NAME, s.freeNames());
    strings(d, Fields.NAMESPACE, s.namespaces());
    strings(d, Fields.DECLARED, s.declaredNames());
    strings(d, Fields.LITERAL, s.literals());
    strings(d, Fields.RACE_CANDIDATE, s.raceCandidates());
    for (Map.Entry<Channel, ChannelUse> e : s.channels().entrySet()) {
      String label = clipped(d, e.getKey().label());
      d.add(new StringField(Fields.CHANNEL, label, Field.Store.NO));
      if (e.getValue().allSends() > 0) {
        d.add(new StringField(Fields.SEND_CHANNEL, label, Field.Store.NO));
      }
      if (e.getValue().receives() > 0) {
        d.add(new StringField(Fields.RECEIVE_CHANNEL, label, Field.Store.NO));
      }
    }
    for (Dependency dep : s.dependencies()) {
      d.add(
          new StringField(
              Fields.DEPENDENCY, clipped(d, dep.from() + " -> " + dep.to()), Field.Store.NO));
    }
    s.cycles().forEach(cycle -> strings(d, Fields.CYCLE_CHANNEL, cycle));
    flag(d, Fields.HAS_CYCLE, !s.cycles().isEmpty());
    flag(d, Fields.COMPUTES_STRINGS, s.computesStrings());
    flag(d, Fields.LINEAR_RECEIVE, s.hasLinearReceive());

    ExplorationFeatures x = r.features().exploration();
    flag(d, Fields.EXPLORED, x.explored());
    flag(d, Fields.COMPLETE, x.complete());
    d.add(new LongPoint(Fields.STATE_COUNT, x.stateCount()));
    d.add(new StoredField(Fields.STATE_COUNT, x.stateCount()));
    strings(d, Fields.CARRIED, x.carriedNames());
    strings(d, Fields.COMM, x.commChannels());
    strings(d, Fields.RECEIVE_REACHABLE, x.receiveChannels());
    strings(d, Fields.CONTRACT_REACHABLE, x.contractChannels());
    flag(d, Fields.DEADLOCK, x.deadlockReachable());
    flag(d, Fields.TERMINAL, x.terminalReachable());
    strings(d, Fields.NEVER_CARRIED, r.features().neverCarried());
    return d;
  }

  private static void strings(Document d, String field, Collection<String> values) {
    for (String v : values) {
      d.add(new StringField(field, clipped(d, v), Field.Store.NO));
    }
  }

  /**
   * A value short enough for a Lucene term. A longer one is cut to one character past {@link
   * Fields#MAX_TERM_CHARS}, so it can never equal a term a planner looks up (those are never
   * longer), and the document is flagged so that wildcard conditions keep it.
   */
  private static String clipped(Document d, String v) {
    if (v.length() <= Fields.MAX_TERM_CHARS) {
      return v;
    }
    if (d.getField(Fields.LONG_VALUE) == null) {
      d.add(new StringField(Fields.LONG_VALUE, Fields.flag(true), Field.Store.NO));
    }
    return v.substring(0, Fields.MAX_TERM_CHARS + 1);
  }

  private static void flag(Document d, String field, boolean value) {
    d.add(new StringField(field, Fields.flag(value), Field.Store.NO));
  }
}
