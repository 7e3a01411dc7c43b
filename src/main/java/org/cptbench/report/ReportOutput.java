package org.cptbench.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.cptbench.util.AtomicFiles;

/**
 * Writes report files atomically ({@link AtomicFiles}) and, on POSIX file systems, readable by everyone
 * ({@code rw-r--r--}) like any file a user creates, rather than the owner-only mode of a temporary file.
 */
final class ReportOutput {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private ReportOutput() {}

  static void write(Path target, AtomicFiles.Writer writer) {
    AtomicFiles.write(
        target,
        tmp -> {
          writer.write(tmp);
          if (POSIX) {
            try {
              Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
              // a non-POSIX file store mounted inside a POSIX file system: keep its default mode
            }
          }
        });
  }

  static void writeString(Path target, String content) {
    write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
  }
}
