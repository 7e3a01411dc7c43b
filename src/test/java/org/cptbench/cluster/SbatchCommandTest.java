package org.cptbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.config.SuiteSpec;
import org.junit.jupiter.api.Test;

/** The sbatch command lines and the Slurm options they come from. */
class SbatchCommandTest {
  static final Path LOGS = Path.of("/shared/run/slurm/logs");
  static final Path SCRIPT = Path.of("/shared/run/slurm/x/array.sh");

  @Test
  void arrayWithoutOptionsUsesSlurmsDefaults() {
    assertEquals(List.of("sbatch", "--parsable", "--job-name=cptbench-quick", "--array=0-3",
            "--output=/shared/run/slurm/logs/%A_%a.out", "/shared/run/slurm/x/array.sh"),
        SbatchCommand.array("cptbench-quick", 4, 0, LOGS, SlurmOptions.DEFAULTS, SCRIPT));
  }

  @Test
  void arrayWithEveryOption() {
    SlurmOptions o = new SlurmOptions("gpu", "1-12:00", 8, "32G", "gpu:a100:1", "proj-1",
        List.of("--qos=high", "--constraint=a100"));
    assertEquals(List.of("sbatch", "--parsable", "--job-name=cptbench-paper", "--array=0-0%2",
            "--output=/shared/run/slurm/logs/%A_%a.out", "--partition=gpu", "--account=proj-1", "--time=1-12:00",
            "--cpus-per-task=8", "--mem=32G", "--gres=gpu:a100:1", "--qos=high", "--constraint=a100",
            "/shared/run/slurm/x/array.sh"),
        SbatchCommand.array("cptbench-paper", 1, 2, LOGS, o, SCRIPT));
  }

  @Test
  void reportJobWaitsForTheWholeArrayAndNeedsNoGpu() {
    SlurmOptions o = new SlurmOptions("gpu", "2:00:00", 8, "32G", "gpu:1", null, List.of("--qos=high"));
    assertEquals(List.of("sbatch", "--parsable", "--job-name=cptbench-quick-report", "--dependency=afterany:4711",
            "--output=/shared/run/slurm/logs/report-%j.out", "--partition=gpu", "--time=2:00:00",
            "--cpus-per-task=1", "--mem=32G", "--qos=high", "/shared/run/slurm/x/report.sh"),
        SbatchCommand.after("cptbench-quick-report", "afterany", "4711", LOGS.resolve("report-%j.out"), o,
            Path.of("/shared/run/slurm/x/report.sh")));
    assertThrows(CptbenchException.class,
        () -> SbatchCommand.after("r", "afterany", "47;rm", LOGS, o, SCRIPT));
  }

  @Test
  void parsesSbatchParsableOutput() {
    assertEquals("123", SbatchCommand.parseJobId("123\n"));
    assertEquals("123", SbatchCommand.parseJobId("123;cluster-a\n"));
    var e = assertThrows(CptbenchException.class, () -> SbatchCommand.parseJobId("sbatch: error: x\n"));
    assertTrue(e.getMessage().contains("sbatch: error: x"), e.getMessage());
  }

  @Test
  void rejectsAnEmptyArray() {
    assertThrows(CptbenchException.class, () -> SbatchCommand.array("q", 0, 0, LOGS, SlurmOptions.DEFAULTS, SCRIPT));
    assertThrows(CptbenchException.class, () -> SbatchCommand.array("q", 2, -1, LOGS, SlurmOptions.DEFAULTS, SCRIPT));
  }

  private static SuiteSpec suite(String slurm) {
    return SuiteSpec.parse("""
        name: s
        train: {steps: 4, checkpoints: [4]}
        tasks: [sts/STSBenchmark]
        %s
        """.formatted(slurm), "s.yaml");
  }

  @Test
  void suiteSlurmMappingIsBoundAndCommandLineOptionsWin() {
    SlurmOptions fromSuite =
        suite("slurm: {partition: cpu, time: \"30:00\", mem: 8G, sbatchArgs: [--qos=low]}").slurm();
    assertEquals(new SlurmOptions("cpu", "30:00", null, "8G", null, null, List.of("--qos=low")), fromSuite);
    SlurmOptions cli = new SlurmOptions("gpu", null, 4, null, "gpu:1", null, List.of("--exclusive"));
    assertEquals(new SlurmOptions("gpu", "30:00", 4, "8G", "gpu:1", null, List.of("--qos=low", "--exclusive")),
        fromSuite.overriddenBy(cli));
    assertEquals(SlurmOptions.DEFAULTS, suite("").slurm());
  }

  @Test
  void badSuiteValuesNameFileKeyValueAndWhatIsAllowed() {
    var e = assertThrows(CptbenchException.class, () -> suite("slurm: {time: soon}"));
    assertEquals("s.yaml: slurm.time: 'soon' is not valid; allowed: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or"
        + " D-HH:MM:SS (e.g. 90, 2:00:00, 1-12)", e.getMessage());
    e = assertThrows(CptbenchException.class, () -> suite("slurm: {gpus: 1}"));
    assertTrue(e.getMessage().startsWith("s.yaml: slurm.gpus: unknown key; allowed keys here: [account,"),
        e.getMessage());
    e = assertThrows(CptbenchException.class, () -> suite("slurm: {mem: lots}"));
    assertTrue(e.getMessage().startsWith("s.yaml: slurm.mem: 'lots' is not valid; allowed: a number"),
        e.getMessage());
    e = assertThrows(CptbenchException.class, () -> suite("slurm: {cpusPerTask: 0}"));
    assertEquals("s.yaml: slurm.cpusPerTask: 0 must be in 1..4096", e.getMessage());
    e = assertThrows(CptbenchException.class, () -> suite("slurm: {sbatchArgs: [qos high]}"));
    assertTrue(e.getMessage().startsWith("s.yaml: slurm.sbatchArgs: 'qos high' is not an sbatch option"),
        e.getMessage());
    e = assertThrows(CptbenchException.class, () -> suite("slurm: {gres: \"gpu 1\"}"));
    assertTrue(e.getMessage().startsWith("s.yaml: slurm.gres: 'gpu 1' is not valid"), e.getMessage());
  }
}
