package org.cptbench.util;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.cptbench.CptbenchException;

/**
 * One writer per output folder: an exclusive OS file lock ({@code fcntl}) on {@code DIR/.lock}, held while a command
 * writes the folder ({@code train}, {@code pretrain}, {@code run}, a suite cell). A second process fails at once with
 * an error naming the folder and the holder (pid, host, start time, command). The OS releases the lock when its
 * holder dies (kill -9 included), so a crashed writer never blocks a resume; its record is still in the file, and
 * the next writer takes over with a notice. The record is cleared on a normal close.
 */
public final class FolderLock implements AutoCloseable {
  public static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dir} (created if missing) for {@code command} (e.g. {@code "harness train"}), printing a
   * notice to {@code notices} when a dead holder's record is taken over.
   */
  public static FolderLock acquire(Path dir, String command, PrintStream notices) {
    Path file = dir.resolve(FILE);
    FileChannel ch = null;
    try {
      Files.createDirectories(dir);
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null; // held by this very process (another command object in this JVM)
      }
      // read through the channel: opening and closing another descriptor of the file would drop a POSIX lock
      String previous = read(ch);
      if (l == null) {
        ch.close();
        throw new CptbenchException(
            dir + " is being written by another cptbench process"
                + (previous.isEmpty() ? "" : " (" + previous + ")")
                + "; wait for it to finish or stop it, then run the same command again: it resumes where that one"
                + " stopped");
      }
      if (!previous.isEmpty()) {
        notices.println("notice: " + dir + ": taking over from a writer that is no longer running (" + previous + ")");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(holder(command).getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(false);
      return new FolderLock(ch, l);
    } catch (IOException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      CptbenchException named = OutputErrors.explain(file, e); // full disk, read-only, no permission
      throw named != null
          ? named
          : new CptbenchException("cannot lock " + dir + " (" + file + "): " + e.getMessage(), e);
    }
  }

  /** {@link #acquire(Path, String, PrintStream)} with notices on standard error. */
  public static FolderLock acquire(Path dir, String command) {
    return acquire(dir, command, System.err);
  }

  private static String read(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 4096));
    while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
      // fill
    }
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
  }

  static String holder(String command) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    ProcessHandle self = ProcessHandle.current();
    Instant start = self.info().startInstant().orElse(Instant.now()).truncatedTo(ChronoUnit.SECONDS);
    return "pid " + self.pid() + " on " + host + ", started " + start + ", `" + command + "`";
  }

  @Override
  public void close() {
    try {
      channel.truncate(0); // a normal exit leaves no record: only a crashed holder's record triggers the notice
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock " + FILE, e);
    }
  }
}
