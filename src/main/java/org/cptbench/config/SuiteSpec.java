package org.cptbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.TrainSpec;

/**
 * An experiment suite as written in YAML:
 *
 * <pre>
 * name: batch-size
 * seed: 13                 # root seed; every cell's seed descends from it
 * seeds: 1                 # repetitions of every cell with derived seeds (mean and std in reports)
 * encoder: {preset: tiny, attention: causal, pooling: eos}
 * train:   {corpus: nltk, steps: 400, checkpoints: [100, 200, 400], batchSize: 128, temperature: {learned: 0.07}}
 * sweep:                   # cartesian product; any of encoder, temperature, batchSize, steps, seed
 *   batchSize:   [32, 128]
 *   temperature: [{learned: 0.07}, {fixed: 0.05}]
 * tasks: [sts/STSBenchmark, beir/msmarco-dl19-mini]
 * optionalTasks: [senteval/SST2]   # evaluated only when present in the data dir
 * eval: {distractors: -1, relevanceLevel: null, probeFolds: 10, probeAt: all}
 * expect:
 *   - {cell: {batchSize: 128}, task: sts/STSBenchmark, metric: spearman, min: 0.2, max: 1.0}
 * </pre>
 */
public record SuiteSpec(
    String name,
    String source,
    long seed,
    int seeds,
    ConfigNode encoder,
    TrainSpec train,
    CorpusSpec corpus,
    ConfigNode sweep,
    List<String> tasks,
    List<String> optionalTasks,
    ConfigNode eval,
    List<ConfigNode> expect,
    String yaml) {

  public static final String[] KEYS = {
    "name", "description", "seed", "seeds", "encoder", "train", "sweep", "tasks", "optionalTasks", "eval", "expect"
  };
  public static final String[] SWEEP_KEYS = {"encoder", "temperature", "batchSize", "steps", "seed"};

  public static SuiteSpec parse(String yaml, String source) {
    ConfigNode root = ConfigNode.parse(yaml, source).allowOnly(KEYS);
    if (!root.has("name")) {
      throw new CptbenchException(source + ": name: missing (the suite's name)");
    }
    String name = root.getString("name", "");
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new CptbenchException(source + ": name: '" + name + "' may use only letters, digits, '.', '_', '-'");
    }
    long seed = root.getLong("seed", 13);
    int seeds = root.getInt("seeds", 1);
    if (seeds < 1 || seeds > 100) {
      throw new CptbenchException(source + ": seeds: " + seeds + " must be in 1..100");
    }
    ConfigNode encoder =
        root.has("encoder") ? root.child("encoder") : new ConfigNode(emptyObject(), "encoder", source);
    EncoderConfig.parse(encoder); // validate early
    ConfigNode sweep = root.has("sweep") ? root.child("sweep") : new ConfigNode(emptyObject(), "sweep", source);
    sweep.allowOnly(SWEEP_KEYS);
    ConfigNode trainNode = root.has("train") ? root.child("train") : new ConfigNode(emptyObject(), "train", source);
    if (sweep.has("steps")) {
      // the swept budgets bound the checkpoints (each cell keeps those within its own budget)
      int longest = sweep.getIntList("steps", List.of()).stream().mapToInt(Integer::intValue).max().orElse(1);
      ObjectNode copy = ((ObjectNode) trainNode.node()).deepCopy();
      copy.put("steps", Math.max(longest, trainNode.getInt("steps", longest)));
      trainNode = new ConfigNode(copy, trainNode.path(), source);
    }
    TrainConfig.Parsed train =
        TrainConfig.parse(trainNode, TrainSpec.defaults(300, 128, seed), CorpusSpec.of("nltk"));
    List<String> tasks = root.getStringList("tasks", List.of());
    List<String> optional = root.getStringList("optionalTasks", List.of());
    if (tasks.isEmpty() && optional.isEmpty()) {
      throw new CptbenchException(source + ": tasks: missing; name at least one task (e.g. sts/STSBenchmark)");
    }
    ConfigNode eval = root.has("eval") ? root.child("eval") : new ConfigNode(emptyObject(), "eval", source);
    eval.allowOnly("distractors", "relevanceLevel", "probeFolds", "probeAt", "stsSplit");
    List<ConfigNode> expect = new ArrayList<>();
    if (root.has("expect")) {
      JsonNode list = root.raw("expect");
      if (!list.isArray()) {
        throw new CptbenchException(source + ": expect: expected a list of {cell, task, metric, min, max}");
      }
      int i = 0;
      for (JsonNode e : list) {
        ConfigNode n = new ConfigNode(e, "expect[" + i++ + "]", source);
        if (!e.isObject()) {
          throw new CptbenchException(source + ": " + n.path() + ": expected a mapping");
        }
        n.allowOnly("cell", "task", "metric", "min", "max", "step");
        if (!n.has("task") || !n.has("metric") || !(n.has("min") || n.has("max"))) {
          throw new CptbenchException(source + ": " + n.path() + ": needs task, metric and min and/or max");
        }
        expect.add(n);
      }
    }
    return new SuiteSpec(
        name, source, seed, seeds, encoder, train.train(), train.corpus(), sweep, tasks, optional, eval, expect, yaml);
  }

  private static ObjectNode emptyObject() {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }
}
