package rhoscope.engine.check;

/**
 * Whether a check explored every interleaving or a partial-order reduction of them, shown with
 * the verdict (and its count of explored states, which a reduction makes smaller).
 */
public enum Reduction {
  /** Every enabled COMM of every explored state was taken. */
  NONE,
  /**
   * Stubborn sets: a state took only the COMMs of one group of channels that the rest cannot
   * touch, because the type cannot tell the interleavings apart (see {@code ModelChecker}).
   */
  POR
}
