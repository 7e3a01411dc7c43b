package org.cptbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WARN rows of verdicts.csv (a cell whose training collapsed) appear in the report's verdicts, with the cell. */
class TrainingWarningsReportTest {
  @TempDir Path dir;

  @Test
  void theReportCountsAndListsTrainingWarnings() throws IOException {
    FakeRun.write(dir);
    Files.writeString(dir.resolve(Verdicts.FILE), "c31s,training,collapsed,150,,,WARN\n", StandardOpenOption.APPEND);
    RunReport.write(dir);
    String md = Files.readString(dir.resolve("report.md"));
    assertTrue(md.contains("1 OK, 1 FAIL, 1 NEW (no expected range yet), 1 WARN (training collapsed or diverged)."),
        md);
    int warnings = md.indexOf("### Training warnings");
    assertTrue(warnings > md.indexOf("## Verdicts"), md);
    String table = md.substring(warnings);
    assertTrue(table.contains("c31s") && table.contains("collapsed") && table.contains("150"), table);
    assertTrue(Files.readString(dir.resolve("report.html")).contains("Training warnings"));
  }
}
