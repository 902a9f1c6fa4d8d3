package rhoscope.engine.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One BFS level's states, encoded compactly: records {@code [n, fp low, fp high, id_1..id_n]}
 * (the state's sorted thread ids, as the machine interns them) packed into int pages, never
 * an object per state. Pages stay in memory while the run's {@link PageBudget} allows and are
 * written to a temp file past it (TLC's DiskStateQueue), to be read back when the level is
 * expanded; so the frontier's heap is bounded by the budget, not by the model.
 */
final class Frontier implements AutoCloseable {
  /** Ints before a record's thread ids: the count and the fingerprint's two halves. */
  static final int HEADER = 3;

  /** A full page: in memory ({@code data}) or in the level's file at {@code offset}. */
  static final class Page {
    private int[] data;
    final int used;
    final int count;
    private final long offset;

    private Page(int[] data, int used, int count, long offset) {
      this.data = data;
      this.used = used;
      this.count = count;
      this.offset = offset;
    }

    boolean inMemory() {
      return data != null;
    }
  }

  private final PageBudget budget;
  private final List<Page> pages = new ArrayList<>();
  private FileChannel file;
  private long end;
  private long states;
  private long spilled;

  Frontier(PageBudget budget) {
    this.budget = budget;
  }

  /** One worker's page being filled; not thread-safe, one per worker, kept across levels. */
  static final class Writer {
    private final PageBudget budget;
    private int[] page;
    /**
     * The page this writer's worker read last, to fill next: its lines are still in that
     * worker's cache, where a page from the shared pool was mostly last read by another core,
     * whose copies every write would first have to invalidate.
     */
    private int[] spare;
    private int used;
    private int count;
    private ByteBuffer bytes;

    Writer(PageBudget budget) {
      this.budget = budget;
    }

    /** Appends a state to {@code level}, sealing the page into it when it is full. */
    void add(Frontier level, long fp, int[] ids, int n) {
      int size = HEADER + n;
      if (page == null) {
        page = takeSpare();
        if (page == null) {
          page = budget.takeAnyway();
        }
      }
      if (used + size > page.length) {
        seal(level);
        if (size > page.length) {
          addAlone(level, fp, ids, n);
          return;
        }
      }
      write(page, used, fp, ids, n);
      used += size;
      count++;
    }

    /** A state bigger than a page: a page of its own. */
    private void addAlone(Frontier level, long fp, int[] ids, int n) {
      int[] own = new int[HEADER + n];
      write(own, 0, fp, ids, n);
      if (budget.adopt(own.length)) {
        level.keep(own, own.length, 1);
      } else {
        level.spill(own, own.length, 1, buffer(own.length));
      }
    }

    private static void write(int[] to, int at, long fp, int[] ids, int n) {
      to[at] = n;
      to[at + 1] = (int) fp;
      to[at + 2] = (int) (fp >>> 32);
      System.arraycopy(ids, 0, to, at + HEADER, n);
    }

    /** Hands the page filled so far to {@code level} (at a level's end, or when full). */
    void seal(Frontier level) {
      if (count == 0) {
        return;
      }
      int[] fresh = takeSpare();
      if (fresh == null) {
        fresh = budget.take();
      }
      if (fresh != null) {
        level.keep(page, used, count);
        page = fresh;
      } else {
        // past the budget: the page goes to disk and is filled again
        level.spill(page, used, count, buffer(used));
      }
      used = 0;
      count = 0;
    }

    private ByteBuffer buffer(int ints) {
      if (bytes == null || bytes.capacity() < 4 * ints) {
        bytes = ByteBuffer.allocate(4 * Math.max(ints, budget.pageInts()))
            .order(ByteOrder.nativeOrder());
      }
      return bytes;
    }

    private int[] takeSpare() {
      int[] s = spare;
      spare = null;
      return s;
    }

    /** A page its worker read to the end: kept as the next one to fill, else given back. */
    void recycle(int[] data) {
      if (spare == null && budget.reusable(data)) {
        spare = data;
      } else {
        budget.give(data);
      }
    }

    /** Gives the pages back to the budget when the run ends. */
    void release() {
      if (page != null) {
        budget.give(page);
        page = null;
      }
      if (spare != null) {
        budget.give(spare);
        spare = null;
      }
    }
  }

  private synchronized void keep(int[] data, int used, int count) {
    pages.add(new Page(data, used, count, -1));
    states += count;
  }

  private void spill(int[] data, int used, int count, ByteBuffer bytes) {
    bytes.clear();
    bytes.asIntBuffer().put(data, 0, used);
    bytes.limit(4 * used);
    long at;
    synchronized (this) {
      at = end;
      end += 4L * used;
      pages.add(new Page(null, used, count, at));
      states += count;
      spilled += count;
      if (file == null) {
        file = open();
      }
    }
    try {
      while (bytes.hasRemaining()) {
        at += file.write(bytes, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the explorer's frontier file: "
          + e.getMessage(), e);
    }
  }

  private static FileChannel open() {
    try {
      Path path = Files.createTempFile("rhoscope-frontier", ".bin");
      return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the explorer's frontier file in "
          + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
    }
  }

  /** The level's pages, in the order they were sealed; call once every writer sealed. */
  synchronized List<Page> pages() {
    return List.copyOf(pages);
  }

  synchronized long states() {
    return states;
  }

  /** States that went to disk. */
  synchronized long spilled() {
    return spilled;
  }

  /**
   * The records of {@code page}: its own array when in memory, else read from the file
   * into {@code buffer} (grown when too small; the array returned is the one to use).
   */
  int[] read(Page page, int[] buffer, ByteBuffer bytes) {
    int[] data = page.data;
    if (data != null) {
      return data;
    }
    int[] out = buffer.length >= page.used ? buffer : new int[page.used];
    ByteBuffer in = bytes.capacity() >= 4 * page.used ? bytes
        : ByteBuffer.allocate(4 * page.used).order(ByteOrder.nativeOrder());
    in.clear().limit(4 * page.used);
    long at = page.offset;
    try {
      while (in.hasRemaining()) {
        int n = file.read(in, at);
        if (n < 0) {
          throw new IllegalStateException("the frontier file ended early");
        }
        at += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the explorer's frontier file: "
          + e.getMessage(), e);
    }
    in.flip();
    in.asIntBuffer().get(out, 0, page.used);
    return out;
  }

  /** A page read to its end: its memory goes back to the budget. */
  void done(Page page) {
    int[] data = release(page);
    if (data != null) {
      budget.give(data);
    }
  }

  /** {@link #done(Page)} by the worker that owns {@code writer}, which reuses the page. */
  void done(Page page, Writer writer) {
    int[] data = release(page);
    if (data != null) {
      writer.recycle(data);
    }
  }

  private static int[] release(Page page) {
    int[] data = page.data;
    page.data = null;
    return data;
  }

  /** Frees what is left: pages not read (a run that stopped early) and the file. */
  @Override
  public void close() {
    for (Page p : pages()) {
      done(p);
    }
    FileChannel f;
    synchronized (this) {
      f = file;
      file = null;
    }
    if (f != null) {
      try {
        f.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the explorer's frontier file: "
            + e.getMessage(), e);
      }
    }
  }
}
