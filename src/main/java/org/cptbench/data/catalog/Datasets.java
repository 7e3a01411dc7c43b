package org.cptbench.data.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;

/** Entry point for code that needs a catalogued dataset on disk. */
public final class Datasets {
  private Datasets() {}

  /** {@link #requirePresent(Catalog, Path, String)} with the built-in catalog. */
  public static Path requirePresent(Path dataDir, String name) {
    return requirePresent(Catalog.builtin(), dataDir, name);
  }

  /**
   * The folder {@code dataDir/<name>} when every catalogued file of the dataset is there with its catalogued size
   * (hashes are checked by {@code datasets verify}, not here). Otherwise an error that names the missing files and
   * the command that gets them: {@code ./harness datasets import DIR}, and {@code ./harness datasets fetch NAME}
   * when the card has downloads for all its files.
   */
  public static Path requirePresent(Catalog catalog, Path dataDir, String name) {
    DatasetCard card = catalog.get(name);
    DatasetStatus status = DatasetStatus.of(dataDir, card, false);
    if (status.ok()) {
      return dataDir.resolve(name);
    }
    List<String> how = new ArrayList<>();
    how.add("`./harness datasets import DIR --only " + name + "` (DIR = a local copy of the data, e.g. ../shared/datasets)");
    if (card.filesWithoutDownload().isEmpty()) {
      how.add("`./harness datasets fetch " + name + "`");
    }
    throw new CptbenchException(
        "dataset "
            + name
            + " is "
            + (status.state() == DatasetStatus.State.MISSING ? "not in " : "incomplete in ")
            + dataDir
            + " ("
            + String.join("; ", status.problems())
            + "); get it with "
            + String.join(" or ", how)
            + ", or point --data-dir / CPTBENCH_DATA at a folder that has it");
  }
}
