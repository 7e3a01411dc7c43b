package org.cptbench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The optional {@code RUN/failures.csv} (columns {@code cell,error}): cells that did not finish, with their error
 * message (which may contain commas and line breaks, quoted).
 *
 * @param table every row (text columns)
 */
public record Failures(Table table) {
  public static final String FILE = "failures.csv";
  public static final List<String> HEADER = List.of("cell", "error");

  /** Reads {@code RUN/failures.csv}, or returns null when the run has none. */
  public static Failures readIfPresent(Path runDir) {
    Path file = runDir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    CsvInput in = CsvInput.read(file, HEADER);
    for (int r = 0; r < in.rowCount(); r++) {
      if (in.get(r, "cell").isBlank()) {
        throw in.error(r, "cell is empty");
      }
    }
    return new Failures(in.table());
  }

  public int count() {
    return table.rowCount();
  }

  /** The rows with the cell's configuration label (when known) after the cell id. */
  public Table withLabels(Map<String, String> cellLabels) {
    StringColumn config = StringColumn.create("configuration");
    for (String cell : table.stringColumn("cell")) {
      config.append(cellLabels.getOrDefault(cell, ""));
    }
    Table out = table.copy();
    out.insertColumn(1, config);
    return out.setName("failed cells");
  }
}
