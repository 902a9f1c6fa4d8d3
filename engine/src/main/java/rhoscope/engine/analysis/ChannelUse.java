package rhoscope.engine.analysis;

/**
 * How a process uses one channel, counted over the syntax: each send or receive occurrence counts
 * once; {@code repeated} says some occurrence sits where it can run many times (under a contract or
 * persistent receive, or is itself a persistent send), so the counts are a floor.
 */
public record ChannelUse(
    int sends,
    int persistentSends,
    int linearReceives,
    int persistentReceives,
    int peeks,
    boolean sendRepeated,
    boolean linearReceiveRepeated) {

  static final ChannelUse NONE = new ChannelUse(0, 0, 0, 0, 0, false, false);

  /** All receives of any kind. */
  public int receives() {
    return linearReceives + persistentReceives + peeks;
  }

  /** All sends of either kind. */
  public int allSends() {
    return sends + persistentSends;
  }

  /**
   * Two sends can compete for one linear receive, or two linear receives for one send. Occurrences
   * that can repeat count as "many": one send under a contract body can race with itself across two
   * calls.
   */
  public boolean raceCandidate() {
    boolean manySends = allSends() >= 2 || (allSends() >= 1 && sendRepeated);
    boolean manyLinear = linearReceives >= 2 || (linearReceives >= 1 && linearReceiveRepeated);
    return (manySends && linearReceives >= 1) || (manyLinear && allSends() >= 1);
  }

  ChannelUse plus(ChannelUse o) {
    return new ChannelUse(
        sends + o.sends,
        persistentSends + o.persistentSends,
        linearReceives + o.linearReceives,
        persistentReceives + o.persistentReceives,
        peeks + o.peeks,
        sendRepeated || o.sendRepeated,
        linearReceiveRepeated || o.linearReceiveRepeated);
  }
}
