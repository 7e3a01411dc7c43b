package org.cptbench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cptbench.CptbenchException;

/**
 * An exclusive OS file lock on {@code RUN/.lock}: a second {@code harness run} into the same folder is refused while
 * the first is alive. The lock dies with its process (kill -9 included), so a crashed run never blocks a resume.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static RunLock acquire(Path runDir) {
    try {
      Files.createDirectories(runDir);
      Path file = runDir.resolve(".lock");
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        l = null; // held by this very process
      }
      if (l == null) {
        String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        ch.close();
        throw new CptbenchException(
            "another `harness run` is writing " + runDir + (holder.isEmpty() ? "" : " (" + holder + ")")
                + "; wait for it to finish or stop it, then run again to resume");
      }
      ch.truncate(0);
      ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      return new RunLock(ch, l);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + runDir, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
