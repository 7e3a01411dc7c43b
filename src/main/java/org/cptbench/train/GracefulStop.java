package org.cptbench.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM (or Ctrl-C) during a training loop: the JVM's shutdown hook asks the loop to stop at the next step
 * boundary and waits until it has written its checkpoint; the JVM then exits with the signal's status (143 for
 * SIGTERM). Outside the loop the signal ends the process at once, as usual.
 */
public final class GracefulStop implements AutoCloseable {
  /** How long the hook waits for the step in progress and its checkpoint. */
  private static final long WAIT_SECONDS = 600;

  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  public GracefulStop() {
    hook =
        new Thread(
            () -> {
              requested.set(true);
              try {
                finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "cptbench-graceful-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether a stop was asked for (checked by the loop after each step). */
  public boolean requested() {
    return requested.get();
  }

  /** Thrown by the loop after its last checkpoint, to unwind. */
  public static final class Stopped extends org.cptbench.CptbenchException {
    private static final long serialVersionUID = 1L;

    Stopped(int step, java.nio.file.Path checkpoint) {
      super("stopped by a signal after step " + step + "; checkpoint " + checkpoint
          + " written; run the same command again to resume");
    }
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running and now returns
    }
  }
}
