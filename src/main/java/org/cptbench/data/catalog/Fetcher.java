package org.cptbench.data.catalog;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cptbench.CptbenchException;
import org.cptbench.util.AtomicFiles;

/**
 * {@code datasets fetch NAME}: gets a dataset's files from its card's {@link Download}s into
 * {@code <data dir>/<name>/}. Plain files are downloaded straight to their place (resumable {@code .part}, sha256
 * from the card). Archives are downloaded to {@code <data dir>/.downloads/<name>/}, extracted safely
 * ({@link Archives}) into a staging folder next to the dataset, and only the listed members are moved into place,
 * each after its sha256 matched the card; the archive and the staging folder are deleted afterwards. Files already
 * present with the right hash are not downloaded again. A card with files that no download produces (derived
 * locally) is refused before anything is downloaded: those come only from {@code datasets import}.
 */
public final class Fetcher {
  private Fetcher() {}

  /** Fetches one dataset; returns the number of files written. */
  public static int fetch(DatasetCard card, Path dataDir, HttpDownloader http, PrintWriter log) {
    List<String> uncovered = card.filesWithoutDownload();
    if (!uncovered.isEmpty()) {
      throw new CptbenchException(
          card.name()
              + " cannot be fetched: no download for "
              + String.join(", ", uncovered)
              + " (derived locally, see its card's provenance); get it with `./harness datasets import DIR` from a"
              + " local copy of the data");
    }
    Path dir = dataDir.resolve(card.name());
    int written = 0;
    try {
      for (Download d : card.downloads()) {
        List<String> needed = new ArrayList<>();
        for (String target : d.targets()) {
          if (!FileCheck.problems(SafePaths.resolve(dir, target), card.file(target), true).isEmpty()) {
            needed.add(target);
          }
        }
        if (needed.isEmpty()) {
          log.println(card.name() + ": " + String.join(", ", d.targets()) + " already present and verified");
          continue;
        }
        log.println(card.name() + ": downloading " + d.url());
        log.flush();
        if (d.archive() == null) {
          CatalogFile f = card.file(d.file());
          Path target = SafePaths.resolve(dir, f.path());
          http.download(d.url(), target, f.sha256());
          requireMatch(target, f, d.url());
        } else {
          Path cached = SafePaths.resolve(dataDir.resolve(".downloads").resolve(card.name()), fileName(d.url()));
          http.download(d.url(), cached, d.sha256());
          unpack(card, d, cached, dir, needed);
          Files.deleteIfExists(cached);
        }
        written += needed.size();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("fetch of " + card.name() + " failed", e);
    }
    log.println(card.name() + ": " + written + " file(s) fetched into " + dir);
    log.flush();
    return written;
  }

  private static void unpack(DatasetCard card, Download d, Path archive, Path dir, List<String> needed)
      throws IOException {
    Files.createDirectories(dir);
    Path staging = Files.createTempDirectory(dir, ".extract-");
    try {
      if (d.archive() == ArchiveFormat.GZ) {
        CatalogFile f = card.file(d.file());
        Path out = staging.resolve("file");
        Archives.gunzip(archive, out);
        place(out, SafePaths.resolve(dir, f.path()), f, d.url());
        return;
      }
      Archives.extract(archive, d.archive(), staging);
      for (Map.Entry<String, String> m : d.members().entrySet()) {
        if (!needed.contains(m.getValue())) {
          continue;
        }
        Path member = SafePaths.resolve(staging, m.getKey());
        if (!Files.isRegularFile(member)) {
          throw new CptbenchException(d.url() + ": archive has no member '" + m.getKey() + "'");
        }
        CatalogFile f = card.file(m.getValue());
        place(member, SafePaths.resolve(dir, f.path()), f, d.url() + "!" + m.getKey());
      }
    } finally {
      deleteTree(staging);
    }
  }

  private static void place(Path from, Path target, CatalogFile f, String origin) throws IOException {
    requireMatch(from, f, origin);
    Files.createDirectories(target.getParent());
    AtomicFiles.move(from, target);
  }

  private static void requireMatch(Path file, CatalogFile f, String origin) {
    List<String> problems = FileCheck.problems(file, f, true);
    if (!problems.isEmpty()) {
      throw new CptbenchException(
          "fetched " + f.path() + " from " + origin + " does not match the catalog: " + String.join("; ", problems));
    }
  }

  /** The last path segment of a URL, decoded (the cache file name). */
  static String fileName(String url) {
    String path = URI.create(url).getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() || SafePaths.problem(name) != null ? "download" : name;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
