package org.cptbench.data.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;

/**
 * Computes and checks the facts a catalog card states about a file: size, sha256 and the line or entry count (see
 * {@link CatalogFile} for the definitions).
 */
public final class FileCheck {
  private FileCheck() {}

  /** Lower-case hex sha256 of a file. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Lower-case hex sha256 of a stream (read to its end). */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest md = newDigest();
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) > 0) {
      md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code \n} count plus one for a non-empty last line without {@code \n}. */
  public static long lines(InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    long count = 0;
    int last = -1;
    int n;
    while ((n = in.read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          count++;
        }
      }
      last = buf[n - 1];
    }
    return last != -1 && last != '\n' ? count + 1 : count;
  }

  /**
   * What is wrong with {@code file} compared with its card entry (empty when it matches). The size is checked first;
   * hashes and counts only when {@code deep}. Messages name the file, the expected and the actual value.
   */
  public static List<String> problems(Path file, CatalogFile spec, boolean deep) {
    List<String> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      out.add(file + ": missing");
      return out;
    }
    try {
      long size = Files.size(file);
      if (size != spec.bytes()) {
        out.add(file + ": size " + size + " bytes, expected " + spec.bytes());
        return out;
      }
      if (!deep) {
        return out;
      }
      String actual = sha256(file);
      if (!actual.equals(spec.sha256())) {
        out.add(file + ": sha256 mismatch: expected " + spec.sha256() + ", actual " + actual);
        return out;
      }
      if (spec.lines() != null) {
        long lines;
        try (InputStream in = open(file)) {
          lines = lines(in);
        }
        if (lines != spec.lines()) {
          out.add(file + ": " + lines + " lines, expected " + spec.lines());
        }
      }
      if (spec.entries() != null) {
        long entries;
        try (ZipFile zip = new ZipFile(file.toFile())) {
          entries = zip.stream().filter(e -> !e.isDirectory()).count();
        }
        if (entries != spec.entries()) {
          out.add(file + ": " + entries + " zip entries, expected " + spec.entries());
        }
      }
    } catch (IOException e) {
      out.add(file + ": cannot read (" + e.getMessage() + ")");
    }
    return out;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** A stream that feeds a sha256 digest as it is read. */
  static DigestInputStream digesting(InputStream in) {
    return new DigestInputStream(in, newDigest());
  }
}
