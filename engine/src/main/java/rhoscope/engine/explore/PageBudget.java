package rhoscope.engine.explore;

import java.util.ArrayDeque;

/**
 * The frontier's memory: int pages of one size, recycled once read, and never more of them
 * than the budget allows (past it, a level's pages go to disk, see {@link Frontier}). A state
 * bigger than a page gets a page of its own, counted while it lives.
 */
final class PageBudget {
  private final int pageInts;
  private final long maxBytes;
  private final ArrayDeque<int[]> free = new ArrayDeque<>();
  private long bytes;
  private long peak;

  /** {@code maxBytes}: the most the pages may take, at least one page per worker. */
  PageBudget(int pageInts, long maxBytes) {
    if (pageInts < 16) {
      throw new IllegalArgumentException("a frontier page holds at least 16 ints");
    }
    this.pageInts = pageInts;
    this.maxBytes = maxBytes;
  }

  int pageInts() {
    return pageInts;
  }

  /** A page to fill: a recycled one, a new one within the budget, or null past it. */
  synchronized int[] take() {
    int[] page = free.poll();
    if (page != null) {
      return page;
    }
    return adopt(pageInts) ? new int[pageInts] : null;
  }

  /**
   * A page for a writer, which must have one to write at all: past the budget too (the
   * explorer's workers hold one each, the floor of any budget).
   */
  synchronized int[] takeAnyway() {
    int[] page = take();
    if (page == null) {
      count(4L * pageInts);
      page = new int[pageInts];
    }
    return page;
  }

  /** Counts {@code ints} more in pages if the budget allows it. */
  synchronized boolean adopt(int ints) {
    if (bytes + 4L * ints > maxBytes) {
      return false;
    }
    count(4L * ints);
    return true;
  }

  /** Whether {@link #give} would keep {@code page} for reuse rather than forget it. */
  synchronized boolean reusable(int[] page) {
    return page.length == pageInts && bytes <= maxBytes;
  }

  /** A page that is no longer needed: kept for reuse, or (an odd size) forgotten. */
  synchronized void give(int[] page) {
    if (reusable(page)) {
      free.push(page);
    } else {
      bytes -= 4L * page.length;
    }
  }

  private void count(long more) {
    bytes += more;
    peak = Math.max(peak, bytes);
  }

  /** Bytes the frontier's pages take now (recycled ones included). */
  synchronized long bytes() {
    return bytes;
  }

  /** The most bytes the pages ever took. */
  synchronized long peak() {
    return peak;
  }
}
