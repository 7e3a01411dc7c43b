package org.cptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cptbench.config.SuiteSpec;
import org.cptbench.eval.EvalOutput;
import org.cptbench.eval.TasksFile;
import org.cptbench.report.Results;
import org.cptbench.run.CellSpec;
import org.cptbench.run.CheckpointEvaluation;
import org.cptbench.run.ResultsTable;
import org.cptbench.run.SuiteGrid;
import org.cptbench.stats.EvalFolderSamples;
import org.cptbench.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task folder whose name says nothing (no "msmarco", "dl19", "senteval/"), laid out like {@code
 * beir/msmarco-dl19-mini} (BEIR files, graded qrels without a header), with a {@code task.yaml} that declares
 * relevance level 2 and main metric MRR@10: eval, compare and the run report follow the declaration.
 */
class DeclaredTaskMetadataTest {
  private static final String TASK = "graded/passages";

  @TempDir Path tmp;

  /**
   * Query q1 finds d1 (grade 1, the most lexically similar) before d2 (grade 2): MRR@10 is 1 when grade 1 counts as
   * relevant and 1/2 at relevance level 2.
   */
  private Path data() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("data").resolve(TASK).resolve("qrels"));
    Files.writeString(dir.getParent().resolve("corpus.jsonl"), """
        {"_id": "d1", "title": "", "text": "volcano lava volcano lava"}
        {"_id": "d2", "title": "", "text": "a volcano erupts and its lava flows down the slopes into the sea"}
        {"_id": "d3", "title": "", "text": "bakers bake bread in ovens"}
        """);
    Files.writeString(dir.getParent().resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"volcano lava\"}\n");
    Files.writeString(dir.resolve("test.tsv"), "q1\td1\t1\nq1\td2\t2\n");
    Files.writeString(dir.getParent().resolve("task.yaml"), "kind: retrieval\nmainMetric: MRR@10\nrelevanceLevel: 2\n");
    return tmp.resolve("data");
  }

  private Path eval(Path data, String name, String... extra) {
    Path out = tmp.resolve(name);
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    List<String> args = new java.util.ArrayList<>(List.of("eval", "--encoder", "bm25", "--task", TASK,
        "--data-dir", data.toString(), "--out", out.toString()));
    args.addAll(List.of(extra));
    assertEquals(0, cli.execute(args.toArray(String[]::new)), err.toString());
    return out;
  }

  @Test
  void evalAndCompareFollowTheFolderDescription() throws IOException {
    Path data = data();
    Path out = eval(data, "declared");
    assertEquals(0.5, EvalOutput.readMetrics(out).get(TASK).get("MRR@10"), 1e-12);
    JsonNode details = Json.MAPPER.readTree(out.resolve("details.json").toFile()).get(TASK);
    assertEquals("retrieval", details.get("kind").asText());
    assertEquals("MRR@10", details.get("mainMetric").asText());
    assertEquals(2, details.get("relevanceLevel").asInt());
    assertEquals("test", details.get("split").asText());
    assertEquals("MRR@10", EvalFolderSamples.defaultMetric(List.of(out), TASK));

    // an explicit option still overrides the declaration
    Path level1 = eval(data, "level1", "--relevance-level", "1");
    assertEquals(1.0, EvalOutput.readMetrics(level1).get(TASK).get("MRR@10"), 1e-12);
  }

  @Test
  void runReportShowsTheDeclaredMainMetric() throws IOException {
    Path data = data();
    Path out = eval(data, "declared");
    Map<String, Double> metrics = EvalOutput.readMetrics(out).get(TASK);
    JsonNode details = Json.MAPPER.readTree(out.resolve("details.json").toFile()).get(TASK);
    SuiteSpec suite = SuiteSpec.parse("""
        name: declared
        train: {steps: 10, checkpoints: [10], batchSize: 4}
        tasks: [graded/passages]
        """, "test");
    Path run = tmp.resolve("run");
    List<CellSpec> cells = SuiteGrid.expand(suite, "ctx");
    for (CellSpec cell : cells) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("task", TASK);
      json.put("kind", "retrieval");
      json.put("step", 10);
      json.put("metrics", metrics);
      json.put("definitions", Map.of());
      json.put("details", details);
      Json.writeFile(CheckpointEvaluation.resultFile(run.resolve("cells").resolve(cell.id()), 10, TASK), json);
    }
    ResultsTable.write(run, cells, Map.of());
    TasksFile.Row row = TasksFile.read(run.resolve(TasksFile.NAME)).get(TASK);
    assertEquals("MRR@10", row.mainMetric());
    assertEquals(2, row.relevanceLevel());
    Results results = Results.read(run.resolve("results.csv"));
    assertEquals("MRR@10", results.tasks().get(TASK).primaryMetric());

    // without tasks.csv (a run from before) the kind's default applies: nothing is read from the name
    Files.delete(run.resolve(TasksFile.NAME));
    assertEquals("nDCG@10", Results.read(run.resolve("results.csv")).tasks().get(TASK).primaryMetric());
    assertTrue(Files.readString(run.resolve("results.csv")).contains(TASK + ",retrieval,MRR@10,0.5"));
  }
}
