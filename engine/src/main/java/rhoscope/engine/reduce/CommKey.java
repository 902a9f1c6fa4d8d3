package rhoscope.engine.reduce;

import java.util.Arrays;

/**
 * One COMM of a program by its parties' interned ids: the receiving thread, the select branch and
 * the messages it takes. A key for memoising what the COMM does and how it is labelled.
 */
public record CommKey(int recv, int branch, int[] sends) {
  @Override
  public boolean equals(Object o) {
    return o instanceof CommKey k && k.recv == recv && k.branch == branch
        && Arrays.equals(k.sends, sends);
  }

  @Override
  public int hashCode() {
    return (recv * 31 + branch) * 31 + Arrays.hashCode(sends);
  }
}
