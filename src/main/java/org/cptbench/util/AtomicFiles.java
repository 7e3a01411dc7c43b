package org.cptbench.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes that never leave a half-written file behind: write a temporary sibling, then rename over the target. */
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
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  public static void writeString(Path target, String content) {
    write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
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
