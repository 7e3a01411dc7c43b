package org.cptbench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cptbench.config.SuiteSpec;
import org.cptbench.run.CellSpec;
import org.cptbench.run.SuiteGrid;
import org.cptbench.run.SuiteRunner;
import org.cptbench.util.AtomicFiles;
import org.cptbench.util.FolderLock;
import org.cptbench.util.Json;

/**
 * {@code ./harness run SUITE --executor slurm}: writes the run folder's {@code suite.yaml} and {@code run.json} as
 * the local executor does, then submits one Slurm job array with a task per cell that is neither finished nor
 * queued nor running ({@code harness cell RUN CELL}; see {@link CellTask}), and a report job that runs when the array
 * has ended ({@code --dependency=afterany}: {@code harness report RUN}). Submitting again submits only the cells
 * that still need it. The run folder must be on a filesystem that the compute nodes share.
 *
 * <pre>
 * RUN/slurm/harness-&lt;sha&gt;.jar, lib   the submitting code (tasks run exactly it)
 * RUN/slurm/&lt;UTC time&gt;/array.sh, report.sh, submission.json   one folder per submission
 * RUN/slurm/logs/&lt;job&gt;_&lt;task&gt;.out, report-&lt;job&gt;.out
 * RUN/cells/&lt;cell&gt;/task/slurm.json  the cell's latest submission (job, log)
 * </pre>
 */
public final class SlurmExecutor {
  public static final String DIR = "slurm";

  private SlurmExecutor() {}

  /** Whether {@code runDir} was submitted to Slurm at least once. */
  public static boolean submitted(Path runDir) {
    return Files.isDirectory(runDir.resolve(DIR));
  }

  /**
   * What was submitted.
   *
   * @param arrayJob the array's job id, or null when nothing needed submitting
   * @param reportJob the report job's id, or null
   * @param cells the submitted cells, task {@code i} running {@code cells.get(i)}
   * @param skipped cells left out: finished, queued or running
   */
  public record Submission(String arrayJob, String reportJob, List<String> cells, int skipped) {}

  /**
   * Submits the unfinished cells of {@code suite} into {@code runDir}.
   *
   * @param maxParallel at most this many array tasks at once, 0 for Slurm's limit
   * @param command the command line, for the scripts' comments
   */
  public static Submission submit(SuiteSpec suite, Path runDir, Path dataDir, SlurmOptions options,
      int maxParallel, String command, PrintStream log) {
    Path abs = runDir.toAbsolutePath().normalize();
    Path data = dataDir.toAbsolutePath().normalize();
    try (FolderLock lock = RunFolderLock.acquire(abs, "harness run --executor slurm", Duration.ofMinutes(10))) {
      SuiteRunner runner = new SuiteRunner(suite, abs, data, log);
      List<String> tasks = runner.activeTasks();
      Map<String, String> checksums = runner.checksums(tasks);
      List<CellSpec> cells = SuiteGrid.expand(suite, runner.context(tasks, checksums));
      AtomicFiles.writeString(abs.resolve("suite.yaml"), suite.yaml());
      Json.writeFile(abs.resolve("run.json"), runner.runJson(tasks, checksums, cells, startOf(abs), null));
      RunFolder run = RunFolder.read(abs, null);
      if (!run.cells().stream().map(CellSpec::id).toList().equals(cells.stream().map(CellSpec::id).toList())) {
        throw new IllegalStateException("the run folder's cells differ from the suite's: " + run.cells());
      }
      List<String> todo = new ArrayList<>();
      for (CellStatus s : RunStatus.of(run)) {
        if (s.needsSubmission()) {
          todo.add(s.cell());
        }
      }
      int skipped = cells.size() - todo.size();
      if (todo.isEmpty()) {
        log.printf(Locale.ROOT, "run %s: all %d cells are finished, queued or running; nothing to submit%n",
            suite.name(), cells.size());
        return new Submission(null, null, List.of(), skipped);
      }
      Path slurm = abs.resolve(DIR);
      Path logs = slurm.resolve("logs");
      Path dir = slurm.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC).format(Instant.now()));
      Files.createDirectories(logs);
      Files.createDirectories(dir);
      Launch launch = Launch.current(slurm);
      Path arrayScript = script(dir.resolve("array.sh"), TaskScripts.array(launch, abs, todo, command));
      Path reportScript = script(dir.resolve("report.sh"), TaskScripts.report(launch, abs, command));
      String name = SbatchCommand.jobName(suite.name());
      List<String> arrayArgv = SbatchCommand.array(name, todo.size(), maxParallel, logs, options, arrayScript);
      String arrayJob = SbatchCommand.parseJobId(SlurmCommands.run(arrayArgv));
      for (int i = 0; i < todo.size(); i++) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("job", arrayJob + "_" + i);
        rec.put("arrayJob", arrayJob);
        rec.put("task", i);
        rec.put("log", logs.resolve(arrayJob + "_" + i + ".out").toString());
        rec.put("submitted", Instant.now().toString());
        rec.put("script", arrayScript.toString());
        Json.writeFile(abs.resolve("cells").resolve(todo.get(i)).resolve(CellTask.DIR).resolve(RunStatus.SUBMISSION),
            rec);
      }
      List<String> reportArgv = SbatchCommand.after(name + "-report", "afterany", arrayJob,
          logs.resolve("report-%j.out"), options, reportScript);
      String reportJob = SbatchCommand.parseJobId(SlurmCommands.run(reportArgv));
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("generatedBy", command);
      record.put("arrayJob", arrayJob);
      record.put("reportJob", reportJob);
      record.put("cells", todo);
      record.put("skipped", skipped);
      record.put("sbatchArray", arrayArgv);
      record.put("sbatchReport", reportArgv);
      Json.writeFile(dir.resolve("submission.json"), record);
      log.printf(Locale.ROOT, "run %s: submitted job array %s (%d of %d cells: %s) and report job %s (after the"
          + " array); logs %s%n", suite.name(), arrayJob, todo.size(), cells.size(), String.join(" ", todo),
          reportJob, logs);
      return new Submission(arrayJob, reportJob, todo, skipped);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Slurm submission of " + abs, e);
    }
  }

  private static Instant startOf(Path runDir) {
    JsonNode prior = RunStatus.readJson(runDir.resolve("run.json"));
    if (prior != null && prior.hasNonNull("start")) {
      try {
        return Instant.parse(prior.get("start").asText());
      } catch (java.time.format.DateTimeParseException e) {
        // a start we cannot read is replaced
      }
    }
    return Instant.now();
  }

  private static Path script(Path file, String text) throws IOException {
    AtomicFiles.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
