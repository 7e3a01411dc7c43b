package org.cptbench.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes that never leave a half-written file behind: write a temporary sibling, then rename over the target. A
 * failure removes the temporary file; a full disk or an unwritable folder is a named error ({@link OutputErrors}).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes a file's contents to the given (temporary) path. */
  @FunctionalInterface
  public interface Writer {
    void write(Path tmp) throws IOException;
  }

  public static void write(Path target, Writer writer) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
      try {
        writer.write(tmp);
        publicReadable(tmp);
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw OutputErrors.writing(target, e); // a full disk or an unwritable folder gets a named error
    }
  }

  /**
   * Deletes the temporary files {@link #write} leaves when its process is killed ({@code .NAME.*.tmp}) anywhere under
   * {@code dir}; call it only while holding the folder's {@link FolderLock}, so that no live writer owns them.
   */
  public static void deleteTemporaries(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".tmp")) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw OutputErrors.writing(dir, e);
    }
  }

  public static void writeString(Path target, String content) {
    write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
  }

  /**
   * Gives a file rw-r--r-- (a directory rwxr-xr-x) where the file system has POSIX permissions: temporary files and
   * folders are created private (0600 / 0700), but results are meant to be read by others.
   */
  public static void publicReadable(Path p) throws IOException {
    if (!p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      java.nio.file.Files.setPosixFilePermissions(
          p,
          java.nio.file.attribute.PosixFilePermissions.fromString(
              java.nio.file.Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // a non-POSIX file store mounted inside a POSIX file system: keep its default mode
    }
  }

  /** Atomically replaces {@code target} (a file or a directory) by {@code source}. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
