package org.cptbench.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs independent tasks {@code 0..tasks-1} on a fixed pool of worker threads that pull the next task index. */
final class Parallel {
  private Parallel() {}

  /** Default thread count: the available processors. */
  static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  static void forEach(int tasks, int threads, IntConsumer body) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + ", need >= 1");
    }
    int workers = Math.min(threads, tasks);
    if (workers <= 1) {
      for (int t = 0; t < tasks; t++) {
        body.accept(t);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
            body.accept(t);
          }
        };
    try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
      List<Future<?>> futures = new ArrayList<>(workers);
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for worker threads", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
