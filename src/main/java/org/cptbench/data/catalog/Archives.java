package org.cptbench.data.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.cptbench.CptbenchException;

/**
 * Safe archive extraction. Every entry name is checked with {@link SafePaths} before anything is written, and the
 * whole archive is refused (nothing extracted) when one entry would land outside the target folder: {@code ..}
 * segments, absolute paths, drive letters, backslashes (zip-slip). Tar symbolic and hard links and special files
 * (devices, fifos) are refused too. Zip files are read with {@code java.util.zip} (central directory); it never creates links (a zip
 * symlink entry would be written as a plain file holding the link text). Tar.gz is read by {@link TarReader}.
 */
public final class Archives {
  private Archives() {}

  /**
   * Extracts all file entries of {@code archive} under {@code targetDir}.
   *
   * @return the relative paths written, in archive order
   * @throws CptbenchException naming the archive and the offending entry
   */
  public static List<String> extract(Path archive, ArchiveFormat format, Path targetDir) throws IOException {
    Files.createDirectories(targetDir);
    return switch (format) {
      case ZIP -> extractZip(archive, targetDir);
      case TAR_GZ -> extractTarGz(archive, targetDir);
      case GZ -> throw new IllegalArgumentException("gz is a single file: use gunzip(archive, target)");
    };
  }

  /** Decompresses a single gzip'd file. */
  public static void gunzip(Path archive, Path target) throws IOException {
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16);
        OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
  }

  private static List<String> extractZip(Path archive, Path targetDir) throws IOException {
    List<String> written = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        check(archive, entryName(e.nextElement().getName()), targetDir);
      }
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String name = entryName(entry.getName());
        if (name.isEmpty()) {
          continue;
        }
        Path out = SafePaths.resolve(targetDir, name);
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, out);
        }
        written.add(name);
      }
    }
    return written;
  }

  private static List<String> extractTarGz(Path archive, Path targetDir) throws IOException {
    // First pass: validate every entry, so that a bad entry anywhere refuses the whole archive.
    try (InputStream in = openGz(archive)) {
      TarReader tar = new TarReader(in, archive.toString());
      for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
        String name = entryName(entry.name());
        if (!name.isEmpty()) {
          check(archive, name, targetDir);
        }
        if (entry.isLink()) {
          throw new CptbenchException(
              archive + ": refusing link entry '" + entry.name() + "' -> '" + entry.linkName() + "'");
        }
        if (!entry.isDirectory() && !entry.isFile()) {
          throw new CptbenchException(
              archive + ": refusing special entry '" + entry.name() + "' (type " + entry.type() + ")");
        }
      }
    }
    List<String> written = new ArrayList<>();
    try (InputStream in = openGz(archive)) {
      TarReader tar = new TarReader(in, archive.toString());
      for (TarReader.Entry entry = tar.next(); entry != null; entry = tar.next()) {
        String name = entryName(entry.name());
        if (name.isEmpty()) {
          continue;
        }
        Path out = SafePaths.resolve(targetDir, name);
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
          tar.copyData(o);
        }
        written.add(name);
      }
    }
    return written;
  }

  private static InputStream openGz(Path archive) throws IOException {
    return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16);
  }

  /** The entry name without leading {@code ./} (tar files made with {@code tar -C dir .} have them). */
  static String entryName(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    return n.equals(".") ? "" : n;
  }

  private static void check(Path archive, String name, Path targetDir) {
    try {
      SafePaths.resolve(targetDir, name);
    } catch (IllegalArgumentException e) {
      throw new CptbenchException(
          archive + ": refusing entry '" + name + "' that would be written outside " + targetDir + " (zip-slip): "
              + e.getMessage());
    }
  }
}
