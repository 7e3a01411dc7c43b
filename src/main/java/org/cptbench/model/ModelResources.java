package org.cptbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;

/**
 * Model files shipped as classpath resources (inside dependency jars): content hashes, and extraction to a cache
 * folder for runtimes that need a real file. An extracted file is named by its content hash, so a changed jar never
 * reuses a stale copy, and it is written atomically, so a crash never leaves half a model behind.
 */
final class ModelResources {
  private ModelResources() {}

  /** A resource's URL; the error names the resource and the artifact expected to provide it. */
  static URL url(String resource, String source) {
    URL url = ModelResources.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new CptbenchException(
          "model resource '" + resource + "' is not on the classpath (expected from " + source + ")");
    }
    return url;
  }

  /** Lower-case hex SHA-256 of a resource's bytes. */
  static String sha256(String resource, String source) {
    MessageDigest md = newSha256();
    try (InputStream in = new DigestInputStream(url(resource, source).openStream(), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model resource " + resource, e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The whole resource as bytes. */
  static byte[] bytes(String resource, String source) {
    try (InputStream in = url(resource, source).openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model resource " + resource, e);
    }
  }

  /**
   * The resource as a file {@code dir/<first 16 hex of sha256>-<file name>}, extracted on first use. An existing file
   * of another size (a foreign or damaged copy) is replaced.
   */
  static Path extract(String resource, String source, String sha256, Path dir) {
    String fileName = resource.substring(resource.lastIndexOf('/') + 1);
    Path target = dir.resolve(sha256.substring(0, 16) + "-" + fileName);
    URL url = url(resource, source);
    try {
      long size = url.openConnection().getContentLengthLong();
      if (Files.isRegularFile(target) && (size < 0 || Files.size(target) == size)) {
        return target;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model resource " + resource, e);
    }
    AtomicFiles.write(
        target,
        tmp -> {
          try (InputStream in = url.openStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          }
        });
    return target;
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
