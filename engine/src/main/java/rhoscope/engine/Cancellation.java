package rhoscope.engine;

/**
 * A cancellation token (Lucene's {@code QueryTimeout}): whoever gave up on a run cancels it, and
 * the explorers and checkers poll it between states, ending the run as
 * {@link rhoscope.engine.explore.StopReason#CANCELLED} with verdict unknown. Polling rather than
 * throwing means a cancelled run still returns what it knows, on its own thread, and frees the
 * workers it held. Thread-safe: any thread may cancel, every worker sees it at its next poll.
 */
public final class Cancellation {
  /** A token nobody can cancel, for runs that only their own bounds stop. */
  public static final Cancellation NEVER = new Cancellation(false);

  private final boolean cancellable;
  private volatile boolean cancelled;

  private Cancellation(boolean cancellable) {
    this.cancellable = cancellable;
  }

  /** A fresh token, not cancelled. */
  public static Cancellation create() {
    return new Cancellation(true);
  }

  /** Asks every run polling this token to stop; idempotent. */
  public void cancel() {
    if (!cancellable) {
      // NEVER is shared by every run that was given no token: cancelling it would stop them all.
      throw new IllegalStateException("Cancellation.NEVER cannot be cancelled; use create()");
    }
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }
}
