package org.cptbench.cluster;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where one cell of a run stands.
 *
 * @param cell the cell id
 * @param state done, running, pending (queued in Slurm), failed (an error, or a task that ended without finishing
 *     the cell: killed, preempted, timed out, out of memory), or unfinished (never submitted, or not known to Slurm)
 * @param job the Slurm job ({@code ARRAYJOB_TASK}) of its latest submission or attempt, or null
 * @param seconds elapsed time of the latest attempt (running: so far), or -1 when unknown
 * @param log the Slurm log file of its latest submission, or null
 * @param detail why it failed or waits (an error, Slurm's state or reason), or empty
 */
public record CellStatus(String cell, State state, String job, double seconds, Path log, String detail) {

  /** The states, in the order {@code status} counts them. */
  public enum State {
    DONE,
    RUNNING,
    PENDING,
    FAILED,
    UNFINISHED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether a new submission should run this cell: it is neither finished nor queued nor running. */
  public boolean needsSubmission() {
    return state == State.FAILED || state == State.UNFINISHED;
  }

  /** {@code seconds} as {@code H:MM:SS}, or {@code -}. */
  public String elapsed() {
    if (seconds < 0) {
      return "-";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
