package org.cptbench.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on standard error, with rate and ETA: redrawn in place on a terminal; when standard error is a
 * file or a pipe (CI logs, nohup), one plain line every {@value #LOG_INTERVAL_MS} ms instead of carriage-return
 * redraws that a log cannot show.
 */
final class Progress {
  static final int LOG_INTERVAL_MS = 15_000;

  private Progress() {}

  static ProgressBar bar(String task, long max) {
    boolean terminal = System.console() != null && System.console().isTerminal();
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(terminal ? 500 : LOG_INTERVAL_MS)
        .setConsumer(
            terminal
                ? new ConsoleProgressBarConsumer(System.err)
                : new DelegatingProgressBarConsumer(System.err::println, 120))
        .showSpeed()
        .build();
  }
}
