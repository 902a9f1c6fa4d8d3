package rhoscope.server.http;

/**
 * An upload parsed, compiled and analysed, not yet stored: the slow part of a write is done on a
 * query worker without any lock, and {@link #commit()} takes the write lock only to store it.
 */
@FunctionalInterface
public interface PendingUpload {
  /** Stores the process (durably: see the README's durability note) and says what it did. */
  Upload commit();
}
