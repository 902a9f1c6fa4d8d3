package rhoscope.indexer.lucene;

/**
 * Names of the Lucene fields of a process document. Set-valued features are one {@code StringField}
 * value per element; flags are {@code "true"}/{@code "false"}; channel labels are written as the
 * type language writes names, so a planner can query them verbatim.
 */
public final class Fields {
  private Fields() {}

  // identity and filters
  public static final String ID = "id";
  public static final String PATH = "path";
  public static final String NAME = "name";
  public static final String NAME_EXACT = "name_exact";
  public static final String DATASET = "dataset";
  public static final String FORMAT = "format";
  public static final String SEMANTICS = "semantics";
  public static final String FINGERPRINT = "fingerprint";
  public static final String TEXT = "text";

  // static features
  public static final String FREE_NAME = "free_name";
  public static final String NAMESPACE = "namespace";
  public static final String DECLARED = "declared";
  public static final String LITERAL = "literal";
  public static final String CHANNEL = "channel";
  public static final String SEND_CHANNEL = "send_channel";
  public static final String RECEIVE_CHANNEL = "receive_channel";
  public static final String RACE_CANDIDATE = "race_candidate";
  public static final String DEPENDENCY = "dependency";
  public static final String CYCLE_CHANNEL = "cycle_channel";
  public static final String HAS_CYCLE = "has_cycle";
  public static final String COMPUTES_STRINGS = "computes_strings";
  public static final String LINEAR_RECEIVE = "linear_receive";

  // features of the bounded exploration at ingest
  public static final String EXPLORED = "explored";
  public static final String COMPLETE = "complete";
  public static final String STATE_COUNT = "state_count";
  public static final String CARRIED = "carried";
  public static final String COMM = "comm";
  public static final String RECEIVE_REACHABLE = "receive_reachable";
  public static final String CONTRACT_REACHABLE = "contract_reachable";
  public static final String DEADLOCK = "deadlock";
  public static final String TERMINAL = "terminal";

  // proved of every run without exploring (see ProcessFeatures#neverCarried)
  public static final String NEVER_CARRIED = "never_carried";

  /** Set when some value was too long for a term and was cut (see {@link #MAX_TERM_CHARS}). */
  public static final String LONG_VALUE = "long_value";

  /** The longest value indexed whole; Lucene's terms hold at most 32766 bytes of UTF-8. */
  public static final int MAX_TERM_CHARS = 4000;

  /** The value of a flag field. */
  public static String flag(boolean b) {
    return Boolean.toString(b);
  }
}
