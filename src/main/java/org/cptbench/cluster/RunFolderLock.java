package org.cptbench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import org.cptbench.CptbenchException;
import org.cptbench.util.FolderLock;

/**
 * The run folder's writer lock ({@code RUN/.lock}, as {@code harness run} takes it), waited for: the submitter and
 * the report job of a Slurm run hold it for seconds, so each waits for the other instead of failing.
 */
final class RunFolderLock {
  private RunFolderLock() {}

  static FolderLock acquire(Path runDir, String command, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return FolderLock.acquire(runDir, command);
      } catch (CptbenchException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CptbenchException("interrupted while waiting for the lock of " + runDir, e);
      }
    }
  }
}
