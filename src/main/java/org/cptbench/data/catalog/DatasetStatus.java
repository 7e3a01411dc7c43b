package org.cptbench.data.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one catalogued dataset in a data dir.
 *
 * @param card the dataset
 * @param present how many of its files exist
 * @param state the summary
 * @param problems one message per mismatching file, naming the file, expected and actual values
 */
public record DatasetStatus(DatasetCard card, int present, State state, List<String> problems) {
  /** Summary of a dataset's files. */
  public enum State {
    /** No file exists. */
    MISSING,
    /** Some but not all files exist (missing ones are problems). */
    PARTIAL,
    /** All files exist with the right size (hashes not checked). */
    PRESENT,
    /** All files exist and match size, sha256 and counts. */
    VERIFIED,
    /** All files exist but at least one does not match. */
    CORRUPT
  }

  public DatasetStatus {
    problems = List.copyOf(problems);
  }

  /**
   * Checks a dataset's files under {@code dataDir/<name>}: sizes always, sha256 and counts when {@code deep}.
   */
  public static DatasetStatus of(Path dataDir, DatasetCard card, boolean deep) {
    Path dir = dataDir.resolve(card.name());
    int present = 0;
    List<String> problems = new ArrayList<>();
    for (CatalogFile f : card.files()) {
      Path p = SafePaths.resolve(dir, f.path());
      if (Files.isRegularFile(p)) {
        present++;
      }
      problems.addAll(FileCheck.problems(p, f, deep));
    }
    State state;
    if (present == 0) {
      state = State.MISSING;
    } else if (present < card.files().size()) {
      state = State.PARTIAL;
    } else if (!problems.isEmpty()) {
      state = State.CORRUPT;
    } else {
      state = deep ? State.VERIFIED : State.PRESENT;
    }
    return new DatasetStatus(card, present, state, problems);
  }

  /** True when every file is there and nothing mismatched. */
  public boolean ok() {
    return state == State.PRESENT || state == State.VERIFIED;
  }
}
