package org.cptbench.run;

import java.nio.file.Path;
import org.cptbench.util.FolderLock;

/**
 * The run folder's writer lock ({@link FolderLock} on {@code RUN/.lock}): a second {@code harness run} into the same
 * folder is refused while the first is alive; a crashed run never blocks a resume.
 */
public final class RunLock implements AutoCloseable {
  private final FolderLock lock;

  private RunLock(FolderLock lock) {
    this.lock = lock;
  }

  public static RunLock acquire(Path runDir) {
    return new RunLock(FolderLock.acquire(runDir, "harness run"));
  }

  @Override
  public void close() {
    lock.close();
  }
}
