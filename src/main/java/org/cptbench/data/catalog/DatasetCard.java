package org.cptbench.data.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A catalog card: what a benchmark dataset is, where it officially comes from, and the exact files (sha256, size,
 * counts) the harness expects under {@code <data dir>/<name>/}. Cards are YAML files
 * ({@code src/main/resources/datasets/<name>.yaml}) read by {@link CardReader}.
 *
 * @param name the task path and folder under the data dir, e.g. {@code senteval/MR}, {@code sts/STSBenchmark}
 * @param kind what the dataset is for
 * @param format how its files are laid out (for humans)
 * @param url the official page or download of the original data
 * @param licence the data's licence or terms
 * @param citation the paper to cite
 * @param provenance where exactly the catalogued bytes come from (repository + commit, archive member, derivation)
 * @param counts the dataset's own counts (sentences, pairs, docs, queries, ...), for humans and loader tests
 * @param files the files, with sha256, size and line/entry counts checked by {@code datasets verify}
 * @param downloads how {@code datasets fetch} gets the files (empty: derived locally, only {@code datasets import})
 * @param task how the task is evaluated when it differs from its kind's defaults: main metric, relevance level,
 *     split ({@link TaskDescription}; its {@code kind} stays unset, the card's {@code kind} decides); absent: none
 */
public record DatasetCard(
    String name,
    DatasetKind kind,
    String format,
    String url,
    String licence,
    String citation,
    String provenance,
    Map<String, Long> counts,
    List<CatalogFile> files,
    List<Download> downloads,
    TaskDescription task) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

  public DatasetCard {
    if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
      throw new IllegalArgumentException(
          "name: '" + name + "', must be a folder path like senteval/MR (letters, digits, . _ - and /)");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind: missing, required; allowed: " + DatasetKind.ids());
    }
    requireText("format", format);
    requireText("licence", licence);
    requireText("citation", citation);
    requireText("provenance", provenance);
    Download.parseUrl(url);
    counts = counts == null ? Map.of() : new LinkedHashMap<>(counts);
    counts.forEach(
        (k, v) -> {
          if (v == null || v < 0) {
            throw new IllegalArgumentException("counts." + k + ": " + v + ", must be a number >= 0");
          }
        });
    counts = Collections.unmodifiableMap(counts);
    if (files == null || files.isEmpty()) {
      throw new IllegalArgumentException("files: missing or empty, a card lists at least one file");
    }
    files = List.copyOf(files);
    Set<String> paths = new HashSet<>();
    for (CatalogFile f : files) {
      if (!paths.add(f.path())) {
        throw new IllegalArgumentException("files: path '" + f.path() + "' is listed twice");
      }
    }
    task = task == null ? TaskDescription.NONE : task;
    if (task.kind() != null) {
      throw new IllegalArgumentException(
          "task.kind: '" + task.kind().id() + "' is not allowed in a card; the card's kind (" + kind.id()
              + ") decides");
    }
    if (kind.taskKind() == null && !task.equals(TaskDescription.NONE)) {
      throw new IllegalArgumentException("task: a " + kind.id() + " is not evaluated, so it has no task settings");
    }
    downloads = downloads == null ? List.of() : List.copyOf(downloads);
    Set<String> covered = new HashSet<>();
    for (Download d : downloads) {
      for (String target : d.targets()) {
        if (!paths.contains(target)) {
          throw new IllegalArgumentException(
              "downloads: '" + target + "' (from " + d.url() + ") is not one of the card's files " + paths);
        }
        if (!covered.add(target)) {
          throw new IllegalArgumentException("downloads: '" + target + "' is produced by two downloads");
        }
      }
    }
  }

  private static void requireText(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + ": missing or blank, required");
    }
  }

  /** The catalogued file with this path. */
  public CatalogFile file(String path) {
    for (CatalogFile f : files) {
      if (f.path().equals(path)) {
        return f;
      }
    }
    throw new IllegalArgumentException(name + " has no file '" + path + "'");
  }

  /** Files no download produces (derived locally): {@code datasets fetch} cannot get them. */
  public List<String> filesWithoutDownload() {
    Set<String> covered = new HashSet<>();
    downloads.forEach(d -> covered.addAll(d.targets()));
    List<String> out = new ArrayList<>();
    for (CatalogFile f : files) {
      if (!covered.contains(f.path())) {
        out.add(f.path());
      }
    }
    return out;
  }
}
