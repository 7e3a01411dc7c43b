package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./harness report RUN_DIR} through {@link Main#execute}. */
class ReportCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  @Test
  void writesTheReportAndListsTheFiles() throws IOException {
    Files.writeString(dir.resolve("run.json"), "{\"suite\": \"one\"}");
    Files.writeString(
        dir.resolve("results.csv"),
        "cell,encoder,attention,pooling,temperature,batchSize,steps,seed,step,task,kind,metric,value,definition\n"
            + "c1,tiny,causal,eos,fixed(0.05),8,10,1,10,MR,probe,accuracy,0.625,\"acc, 10-fold\"\n");
    int rc = Main.execute("report", dir.toString());
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    assertTrue(stdout.startsWith(dir.resolve("report.md") + System.lineSeparator() + dir.resolve("report.html")), stdout);
    assertTrue(stdout.contains(dir.resolve("charts/batch-probe.png").toString()), stdout);
    String md = Files.readString(dir.resolve("report.md"));
    assertTrue(md.contains("| tiny | causal | eos | fixed(0.05) | 8 | 10 | 10 | 1 | **62.5** |"), md);
    assertTrue(md.contains("| runId | (missing) |"), md);
  }

  @Test
  void missingResultsIsAnErrorNamingTheFile() throws IOException {
    Files.writeString(dir.resolve("run.json"), "{\"suite\": \"one\"}");
    int rc = Main.execute("report", dir.toString());
    assertEquals(2, rc);
    assertEquals(
        "error: " + dir.resolve("results.csv") + ": file not found",
        err.toString(StandardCharsets.UTF_8).strip());
  }
}
