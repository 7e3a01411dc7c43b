package org.cptbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated batch scripts, run by bash with a stand-in {@code java} that prints its arguments: task {@code i}
 * starts {@code harness cell RUN CELL_i} with the task's thread count and the submitter's JVM flags and jar.
 */
class TaskScriptsTest {
  @TempDir Path dir;

  private Path fakeJava() throws IOException {
    Path java = dir.resolve("bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/bash\nfor a in \"$@\"; do echo \"[$a]\"; done\necho \"OMP=$OMP_NUM_THREADS\"\n");
    java.toFile().setExecutable(true);
    return java;
  }

  private String runScript(String script, Map<String, String> env) throws IOException, InterruptedException {
    Path f = dir.resolve("script.sh");
    Files.writeString(f, script);
    LocalSlurm.Result r = LocalSlurm.exec(List.of("bash", f.toString()), env, Duration.ofSeconds(30));
    assertEquals(0, r.rc(), r.out());
    return r.out();
  }

  @Test
  void arrayTaskRunsItsCellWithTheTasksThreads() throws IOException, InterruptedException {
    Launch launch = new Launch(fakeJava().toString(), List.of("-Xmx2g", "-Dx=a b's"), List.of("-jar", "/j/h.jar"));
    Path run = Path.of("/shared/runs/my run");
    String script = TaskScripts.array(launch, run, List.of("aaaa11112222", "bbbb33334444"), "./harness run q");
    String out = runScript(script, Map.of("SLURM_ARRAY_JOB_ID", "77", "SLURM_ARRAY_TASK_ID", "1",
        "SLURM_CPUS_PER_TASK", "3"));
    assertTrue(out.startsWith("task 77_1 on "), out);
    assertTrue(out.contains("""
        [-Xmx2g]
        [-Dx=a b's]
        [-Dai.djl.pytorch.num_threads=3]
        [-jar]
        [/j/h.jar]
        [cell]
        [/shared/runs/my run]
        [bbbb33334444]
        OMP=3
        """), out);
    // CPTBENCH_THREADS wins over the allocation; without either, one thread
    assertTrue(runScript(script, Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_CPUS_PER_TASK", "3",
        "CPTBENCH_THREADS", "2")).contains("[-Dai.djl.pytorch.num_threads=2]\n[-jar]"));
    String one = runScript(script, Map.of("SLURM_ARRAY_TASK_ID", "0"));
    assertTrue(one.contains("[-Dai.djl.pytorch.num_threads=1]") && one.contains("[aaaa11112222]"), one);
  }

  @Test
  void reportScriptRunsTheReport() throws IOException, InterruptedException {
    Launch launch = new Launch(fakeJava().toString(), List.of(), List.of("-cp", "/a:/b", Launch.MAIN));
    String out = runScript(TaskScripts.report(launch, Path.of("/r"), "./harness run q"), Map.of());
    assertEquals("[-Dai.djl.pytorch.num_threads=1]\n[-cp]\n[/a:/b]\n[org.cptbench.cli.Main]\n[report]\n[/r]\nOMP=1\n",
        out);
  }

  @Test
  void onlyCellIdsEnterTheScript() {
    Launch launch = new Launch("java", List.of(), List.of("-jar", "h.jar"));
    assertThrows(CptbenchException.class,
        () -> TaskScripts.array(launch, Path.of("/r"), List.of("abc$(rm -rf /)"), "c"));
    assertThrows(CptbenchException.class, () -> TaskScripts.array(launch, Path.of("/r"), List.of(), "c"));
  }

  @Test
  void quotesShellWords() {
    assertEquals("plain-word_1.2/x=y", Shell.quote("plain-word_1.2/x=y"));
    assertEquals("'a b'", Shell.quote("a b"));
    assertEquals("'it'\\''s'", Shell.quote("it's"));
    assertEquals("''", Shell.quote(""));
    assertEquals("'$HOME'", Shell.quote("$HOME"));
  }
}
