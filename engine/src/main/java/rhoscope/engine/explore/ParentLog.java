package rhoscope.engine.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Parents for witnesses, on disk rather than in the visited set (TLC's trace file): every
 * new state's (fingerprint, parent fingerprint) is appended, in blocks, to a temp file. The
 * explorer flushes every writer at each level barrier, so a state's record always lies after
 * its parent's, and one backward pass from the end of the file walks a path to the initial
 * state. Each level's first discoverer is its parent, so the path is a shortest one.
 */
final class ParentLog implements AutoCloseable {
  /** Records a writer buffers before it appends them (16 bytes each). */
  static final int BLOCK = 4096;

  private final FileChannel file;
  private long end;

  ParentLog() {
    try {
      Path path = Files.createTempFile("rhoscope-parents", ".bin");
      file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the explorer's parent file in "
          + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
    }
  }

  /** One worker's buffer of records; not thread-safe, one per worker. */
  final class Writer {
    private final ByteBuffer bytes =
        ByteBuffer.allocate(BLOCK * 16).order(ByteOrder.nativeOrder());
    private final LongBuffer records = bytes.asLongBuffer();

    void add(long fp, long parent) {
      if (!records.hasRemaining()) {
        flush();
      }
      records.put(fp).put(parent);
    }

    /** Appends the buffered records to the file. */
    void flush() {
      int n = records.position();
      if (n == 0) {
        return;
      }
      bytes.clear().limit(n * 8);
      append(bytes);
      records.clear();
    }
  }

  Writer writer() {
    return new Writer();
  }

  private void append(ByteBuffer block) {
    long at;
    synchronized (this) {
      at = end;
      end += block.remaining();
    }
    try {
      while (block.hasRemaining()) {
        at += file.write(block, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the explorer's parent file: "
          + e.getMessage(), e);
    }
  }

  /**
   * The fingerprints from the initial state (exclusive) to {@code target} (inclusive), after
   * every writer was flushed.
   */
  List<Long> path(long initial, long target) {
    Deque<Long> path = new ArrayDeque<>();
    long want = target;
    ByteBuffer block = ByteBuffer.allocate(BLOCK * 16).order(ByteOrder.nativeOrder());
    long pos;
    synchronized (this) {
      pos = end;
    }
    try {
      while (want != initial && pos > 0) {
        long from = Math.max(0, pos - block.capacity());
        block.clear().limit((int) (pos - from));
        long at = from;
        while (block.hasRemaining()) {
          int read = file.read(block, at);
          if (read < 0) {
            throw new IllegalStateException("the parent file ended early");
          }
          at += read;
        }
        block.flip();
        LongBuffer records = block.asLongBuffer();
        for (int r = records.limit() / 2 - 1; r >= 0 && want != initial; r--) {
          if (records.get(2 * r) == want) {
            path.push(want);
            want = records.get(2 * r + 1);
          }
        }
        pos = from;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the explorer's parent file: "
          + e.getMessage(), e);
    }
    if (want != initial) {
      throw new IllegalStateException("no parent recorded for " + Long.toHexString(want));
    }
    return List.copyOf(path);
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the explorer's parent file: "
          + e.getMessage(), e);
    }
  }
}
