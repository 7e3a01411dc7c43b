package org.cptbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a report wrote into the run folder.
 *
 * @param markdown {@code RUN/report.md}
 * @param html {@code RUN/report.html} (self-contained)
 * @param charts {@code RUN/charts/*.png}
 * @param tables {@code RUN/tables/*.csv}
 */
public record ReportFiles(Path markdown, Path html, List<Path> charts, List<Path> tables) {
  public ReportFiles {
    charts = List.copyOf(charts);
    tables = List.copyOf(tables);
  }

  /** Every file written: the two reports, then charts, then tables. */
  public List<Path> all() {
    List<Path> all = new ArrayList<>();
    all.add(markdown);
    all.add(html);
    all.addAll(charts);
    all.addAll(tables);
    return all;
  }
}
