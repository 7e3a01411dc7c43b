package org.cptbench.data.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;

/**
 * {@code datasets import DIR}: copies catalogued files from a local copy laid out like the data dir
 * ({@code DIR/<name>/<path>}, e.g. {@code ../shared/datasets}). Each file is hashed while it is copied into a
 * temporary sibling of its target and renamed into place only when its sha256 matches the card; files already
 * present with the right hash are skipped. All mismatches are collected and reported together (nothing wrong is
 * left behind).
 */
public final class Importer {
  /**
   * What an import did.
   *
   * @param copied files copied
   * @param skipped files already present with the right hash
   * @param absent datasets the source folder does not have at all
   */
  public record Result(int copied, int skipped, List<String> absent) {
    public Result {
      absent = List.copyOf(absent);
    }
  }

  private Importer() {}

  /**
   * Imports the given datasets.
   *
   * @param explicit true when the user named the datasets: then a dataset absent from the source is an error
   * @throws CptbenchException listing every hash mismatch (file, expected, actual) and every incomplete dataset
   */
  public static Result run(Path source, Path dataDir, List<DatasetCard> cards, boolean explicit, PrintWriter log) {
    if (!Files.isDirectory(source)) {
      throw new CptbenchException("import source is not a folder: " + source);
    }
    int copied = 0;
    int skipped = 0;
    List<String> absent = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (DatasetCard card : cards) {
      Path from = source.resolve(card.name());
      Path to = dataDir.resolve(card.name());
      List<String> missing = new ArrayList<>();
      for (CatalogFile f : card.files()) {
        if (!Files.isRegularFile(SafePaths.resolve(from, f.path()))) {
          missing.add(f.path());
        }
      }
      if (missing.size() == card.files().size()) {
        absent.add(card.name());
        if (explicit) {
          errors.add(card.name() + ": not found in " + from);
        }
        continue;
      }
      if (!missing.isEmpty()) {
        errors.add(card.name() + ": " + from + " lacks " + String.join(", ", missing));
      }
      int copiedHere = 0;
      for (CatalogFile f : card.files()) {
        if (missing.contains(f.path())) {
          continue;
        }
        Path target = SafePaths.resolve(to, f.path());
        if (Files.isRegularFile(target) && FileCheck.problems(target, f, true).isEmpty()) {
          skipped++;
          continue;
        }
        String error = copy(SafePaths.resolve(from, f.path()), target, f);
        if (error != null) {
          errors.add(error);
        } else {
          copied++;
          copiedHere++;
        }
      }
      log.println(card.name() + ": " + copiedHere + " of " + card.files().size() + " files copied");
    }
    log.flush();
    if (!errors.isEmpty()) {
      throw new CptbenchException(
          "import from " + source + " failed for " + errors.size() + " file(s):\n  " + String.join("\n  ", errors));
    }
    return new Result(copied, skipped, absent);
  }

  /** Copies one file through a temporary sibling; returns an error message or null. */
  static String copy(Path from, Path target, CatalogFile spec) {
    String[] actual = new String[1];
    try {
      AtomicFiles.write(
          target,
          tmp -> {
            try (DigestInputStream in = FileCheck.digesting(Files.newInputStream(from));
                OutputStream out = Files.newOutputStream(tmp)) {
              in.transferTo(out);
              actual[0] = HexFormat.of().formatHex(in.getMessageDigest().digest());
            }
            if (!actual[0].equals(spec.sha256())) {
              throw new HashMismatch();
            }
          });
      return null;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof HashMismatch) {
        return from + ": sha256 mismatch: expected " + spec.sha256() + ", actual " + actual[0] + " (not imported)";
      }
      return from + ": cannot copy to " + target + " (" + e.getCause() + ")";
    }
  }

  /** Aborts an atomic write whose bytes have the wrong hash (the temporary file is deleted). */
  private static final class HashMismatch extends IOException {
    private static final long serialVersionUID = 1L;
  }

}
