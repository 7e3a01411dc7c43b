package org.cptbench.data.catalog;

import java.util.regex.Pattern;

/**
 * One file of a catalogued dataset, as its card lists it.
 *
 * <p>Counts that {@code datasets verify} re-checks: {@code lines} = the number of {@code \n} bytes, plus one when
 * the file is non-empty and does not end in {@code \n} (for {@code .gz} files, of the decompressed content);
 * {@code entries} = the number of non-directory entries of a {@code .zip} file.
 *
 * @param path relative to the dataset folder, {@code /}-separated (see {@link SafePaths})
 * @param sha256 64 lower-case hex digits
 * @param bytes the file size
 * @param lines line count (null: not checked); not for .zip files
 * @param entries zip entry count (only for .zip files; null: not checked)
 */
public record CatalogFile(String path, String sha256, Long bytes, Long lines, Long entries) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public CatalogFile {
    String problem = SafePaths.problem(path);
    if (problem != null) {
      throw new IllegalArgumentException("path: '" + path + "' is not a safe relative path (" + problem + ")");
    }
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "sha256 of " + path + ": '" + sha256 + "', must be 64 lower-case hex digits");
    }
    if (bytes == null || bytes < 0) {
      throw new IllegalArgumentException("bytes of " + path + ": " + bytes + ", must be given and >= 0");
    }
    if (lines != null && lines < 0) {
      throw new IllegalArgumentException("lines of " + path + ": " + lines + ", must be >= 0");
    }
    boolean zip = path.endsWith(".zip");
    if (zip && lines != null) {
      throw new IllegalArgumentException("lines of " + path + ": a .zip file has 'entries', not 'lines'");
    }
    if (!zip && entries != null) {
      throw new IllegalArgumentException("entries of " + path + ": only .zip files have 'entries'");
    }
    if (entries != null && entries < 0) {
      throw new IllegalArgumentException("entries of " + path + ": " + entries + ", must be >= 0");
    }
  }
}
