package rhoscope.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import rhoscope.engine.Cancellation;

/** Each candidate of a query with a deadline gets a share of the time left, on a test's clock. */
class TurnsTest {
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private final AtomicLong now = new AtomicLong();

  private Turns turns(long deadlineMs, int candidates, int parallel, Cancellation cancel) {
    return new Turns(
        Optional.of(Duration.ofMillis(deadlineMs).toNanos()), candidates, parallel, cancel,
        now::get);
  }

  @Test
  void eachTurnGetsTheTimeLeftTimesTheParallelChecksOverTheCandidatesLeft() {
    Turns t = turns(1000, 4, 2, Cancellation.create());
    // 1000 ms left, 4 candidates, 2 at once: 500 ms each
    assertThat(t.take(BUDGET)).contains(Duration.ofMillis(500));
    now.set(Duration.ofMillis(100).toNanos());
    // 900 ms left for 3: 600 ms (a quick candidate leaves more to the rest)
    assertThat(t.take(BUDGET)).contains(Duration.ofMillis(600));
    now.set(Duration.ofMillis(400).toNanos());
    // 600 ms left for the last two, which run at once: all of it
    assertThat(t.take(BUDGET)).contains(Duration.ofMillis(600));
  }

  @Test
  void aShareIsNeverMoreThanThePerProcessBudget() {
    Turns t = turns(60_000, 1, 1, Cancellation.create());
    assertThat(t.take(Duration.ofSeconds(2))).contains(Duration.ofSeconds(2));
  }

  @Test
  void noTurnOnceTheTimeIsOutOrTheQueryCancelled() {
    Turns late = turns(1000, 3, 1, Cancellation.create());
    now.set(Duration.ofMillis(1000).toNanos());
    assertThat(late.take(BUDGET)).isEmpty();

    now.set(0);
    Cancellation cancel = Cancellation.create();
    Turns stopped = turns(1000, 3, 1, cancel);
    assertThat(stopped.take(BUDGET)).isPresent();
    cancel.cancel();
    assertThat(stopped.take(BUDGET)).isEmpty();
  }

  @Test
  void withoutADeadlineEveryTurnGetsTheBudget() {
    Turns t = new Turns(Optional.empty(), 5, 2, Cancellation.create(), now::get);
    assertThat(t.take(BUDGET)).contains(BUDGET);
  }
}
