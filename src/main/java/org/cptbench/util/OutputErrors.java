package org.cptbench.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cptbench.CptbenchException;

/**
 * Names the two output faults a user can fix: a full disk (ENOSPC, or a quota: EDQUOT) and a folder that cannot be
 * written (a read-only file system: EROFS; no permission: EACCES). The error names the file that could not be
 * written, the folder and what to do; every other I/O error stays an {@link UncheckedIOException} naming the file.
 * Writers publish files atomically ({@link AtomicFiles}, checkpoint folders), so a failed write never leaves a partial
 * file under a final name, and a command run again after the fault is fixed resumes ({@code train}, {@code pretrain},
 * {@code run}) or starts over ({@code eval}, {@code embed}).
 */
public final class OutputErrors {
  private OutputErrors() {}

  /** What went wrong, as far as the exception says. */
  enum Fault {
    FULL,
    READ_ONLY,
    NO_PERMISSION,
    OTHER
  }

  /** The fault an exception (or one of its causes) reports. */
  static Fault fault(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t instanceof FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
      m = m == null ? "" : m.toLowerCase(Locale.ROOT);
      if (m.contains("no space left on device") || m.contains("disk quota exceeded") || m.contains("file too large")) {
        return Fault.FULL;
      }
      if (m.contains("read-only file system")) {
        return Fault.READ_ONLY;
      }
      if (t instanceof AccessDeniedException || m.contains("permission denied")
          || m.contains("operation not permitted")) {
        return Fault.NO_PERMISSION;
      }
    }
    return Fault.OTHER;
  }

  /**
   * A {@link CptbenchException} that names {@code target}, its folder and the remedy when {@code e} is a full disk or
   * an unwritable folder; otherwise an {@link UncheckedIOException} "cannot write TARGET".
   */
  public static RuntimeException writing(Path target, IOException e) {
    RuntimeException named = explain(target, e);
    return named != null ? named : new UncheckedIOException("cannot write " + target, e);
  }

  /** The named error for a full disk or an unwritable folder, or null when {@code e} is another fault. */
  public static CptbenchException explain(Path target, Throwable e) {
    Path folder = folderOf(target);
    return switch (fault(e)) {
      case FULL -> new CptbenchException(
          "cannot write " + target + ": no space left on the file system of " + folder + " (" + free(folder)
              + " free once the half-written file was removed); free some space there or choose another output"
              + " folder, then run the same command again (train, pretrain and run resume from their last"
              + " checkpoint; nothing half-written is kept under a final name)", e);
      case READ_ONLY -> new CptbenchException(
          "cannot write " + target + ": " + folder + " is on a read-only file system; choose a writable output"
              + " folder (--out, --output) or remount it read-write, then run the same command again", e);
      case NO_PERMISSION -> new CptbenchException(
          "cannot write " + target + ": no permission to write in " + folder + "; choose an output folder you can"
              + " write (--out, --output) or change its permissions, then run the same command again", e);
      case OTHER -> null;
    };
  }

  /**
   * For an exception that escaped the writers above (a library writing a file itself): the named error when a full
   * disk or an unwritable folder caused it and a cause names the file, else null.
   */
  public static CptbenchException explainEscaped(Throwable e) {
    if (fault(e) == Fault.OTHER) {
      return null;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FileSystemException f && f.getFile() != null) {
        return explain(Path.of(f.getFile()), e);
      }
    }
    return null;
  }

  /**
   * Checks up front that {@code target}'s folder (created if missing) takes new files, so a command fails before its
   * work rather than after it; the error is {@link #explain}'s, naming {@code target}.
   */
  public static void requireWritable(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    Path probe = null;
    try {
      Files.createDirectories(dir);
      probe = Files.createTempFile(dir, ".write-check.", ".tmp");
    } catch (IOException e) {
      throw writing(target, e);
    } finally {
      if (probe != null) {
        try {
          Files.deleteIfExists(probe);
        } catch (IOException ignored) {
          // a probe that cannot be removed is harmless (hidden, empty)
        }
      }
    }
  }

  /** The nearest existing folder at or above {@code target}'s parent (what the user can look at). */
  static Path folderOf(Path target) {
    Path p = target.toAbsolutePath().getParent();
    while (p != null && !Files.isDirectory(p)) {
      p = p.getParent();
    }
    return p == null ? target.toAbsolutePath() : p;
  }

  private static String free(Path folder) {
    try {
      long bytes = Files.getFileStore(folder).getUsableSpace();
      return bytes < 1 << 20
          ? String.format(Locale.ROOT, "%d KiB", bytes >> 10)
          : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    } catch (IOException e) {
      return "unknown space";
    }
  }
}
