package org.cptbench.cli;

import java.nio.file.Path;
import org.cptbench.data.DataDir;
import picocli.CommandLine.Option;

/**
 * The {@code --data-dir} option of {@code eval}, {@code run} and {@code train}, as a picocli mixin ({@code @Mixin
 * DataDirOption dataDir = new DataDirOption();}). Unset, the folder is {@code $CPTBENCH_DATA}, else {@code
 * cache/datasets} ({@link DataDir#resolve}). ({@code datasets} has its own, labelled {@code DIR}, in {@link
 * DatasetsCommand}.)
 */
final class DataDirOption {
  @Option(
      names = "--data-dir",
      description = "benchmark data folder (default: $" + DataDir.ENV + ", else " + DataDir.DEFAULT + ")")
  Path dataDir;

  /** The data folder: the flag's value, else the default. */
  Path resolve() {
    return DataDir.resolve(dataDir);
  }
}
