package org.cptbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.cluster.SlurmOptions;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.TrainSpec;

/**
 * An experiment suite, bound once from YAML and validated (every error names the file, the key path, the value and
 * what is allowed):
 *
 * <pre>
 * name: batch-size
 * seed: 13                 # root seed; every cell's seed descends from it
 * seeds: 1                 # repetitions of every cell with derived seeds (mean and std in reports)
 * precision: fp32          # fp32 | bf16 | auto (auto: bf16 where the machine runs it natively)
 * encoder: {preset: tiny, attention: causal, pooling: eos, init: scratch}   # scratch | pretrained | a model folder
 * pretrain: {corpus: python-docs, steps: 1500, batchSize: 64}   # the stage behind init: pretrained ({@link PretrainConfig})
 * train:   {corpus: nltk, steps: 400, checkpoints: [100, 200, 400], batchSize: 128, temperature: {learned: 0.07}}
 * sweep:                   # cartesian product over the keys of SweepAxis; or a list of such mappings (arms,
 *                          # their union): [{batchSize: [32, 2048]}, {temperature: [{fixed: 0.05}]}]
 *   batchSize:   [32, 128]
 *   temperature: [{learned: 0.07}, {fixed: 0.05}]
 * tasks: [sts/STSBenchmark, beir/msmarco-dl19-mini]
 * optionalTasks: [senteval/SST2]   # evaluated only when present in the data dir
 * eval: {distractors: -1, relevanceLevel: null, probeFolds: 10, probeAt: all}
 * expect:
 *   - {cell: {batchSize: 128}, task: sts/STSBenchmark, metric: spearman, min: 0.2, max: 1.0}
 * claims:                  # paper findings tested with paired bootstrap statistics ({@link ClaimSpec})
 *   - {id: batch-sts, paper: "...", compare: {better: {batchSize: 128}, worse: {batchSize: 32}}, tasks: sts}
 * references: [bm25, minilm-l6]   # reference rows of the report ({@link SuiteReferences}; default both, [] none)
 * slurm: {partition: gpu, time: "2:00:00", gres: "gpu:1"}   # --executor slurm ({@code cluster.SlurmOptions})
 * </pre>
 *
 * @param source the file (or built-in suite) it was read from, for errors
 * @param encoder the encoder of every cell, unless swept
 * @param train the training settings of every cell; the swept ones are replaced per cell ({@link CellParams#train})
 * @param pretrain the {@code pretrain:} stage, or null when the suite has none
 * @param referenceRows the report's reference encoders ({@code references:}; {@link #references} names them)
 * @param slurm the {@code slurm:} options of {@code --executor slurm} ({@link SlurmOptions#DEFAULTS} without one)
 * @param yaml the text as given (copied into run folders; its hash is the run's config hash)
 */
public record SuiteSpec(
    String name,
    String source,
    long seed,
    int seeds,
    EncoderSpec encoder,
    InitChoice init,
    Precision precision,
    TrainSpec train,
    CorpusSpec corpus,
    Sweep sweep,
    List<String> tasks,
    List<String> optionalTasks,
    EvalSettings eval,
    List<Expectation> expect,
    List<ClaimSpec> claims,
    PretrainConfig pretrain,
    SuiteReferences referenceRows,
    SlurmOptions slurm,
    String yaml) {

  public static final String[] KEYS = {
    "name", "description", "seed", "seeds", "precision", "encoder", "pretrain", "train", "sweep", "tasks", "optionalTasks",
    "eval", "expect", "claims", "slurm"
  };

  public SuiteSpec {
    tasks = List.copyOf(tasks);
    optionalTasks = List.copyOf(optionalTasks);
    expect = List.copyOf(expect);
    claims = List.copyOf(claims);
  }

  public static SuiteSpec parse(String yaml, String source) {
    ConfigNode root = ConfigNode.parse(yaml, source).allowOnly(SuiteReferences.withKey(KEYS));
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
    Precision precision = Precision.parse(source + ": precision", root.getString("precision", "fp32"));
    ConfigNode encoderNode = mapping(root, "encoder");
    InitChoice init = InitChoice.SCRATCH;
    if (encoderNode.has("init")) {
      init = InitChoice.parse(source + ": " + encoderNode.key("init"), encoderNode.getString("init", ""));
      ObjectNode copy = ((ObjectNode) encoderNode.node()).deepCopy();
      copy.remove("init");
      encoderNode = new ConfigNode(copy, encoderNode.path(), source);
    }
    EncoderSpec encoder = EncoderConfig.parse(encoderNode);
    List<ConfigNode> arms = sweepArms(root, source);
    ConfigNode trainNode = mapping(root, "train");
    int longest = 0;
    for (ConfigNode arm : arms) {
      // the swept budgets bound the checkpoints (each cell keeps those within its own budget)
      longest = Math.max(longest,
          arm.getIntList("steps", List.of()).stream().mapToInt(Integer::intValue).max().orElse(0));
    }
    if (longest > 0) {
      ObjectNode copy = ((ObjectNode) trainNode.node()).deepCopy();
      copy.put("steps", Math.max(longest, trainNode.getInt("steps", longest)));
      trainNode = new ConfigNode(copy, trainNode.path(), source);
    }
    TrainConfig.Parsed train = TrainConfig.parse(trainNode, TrainConfig.defaults(seed), CorpusSpec.of("nltk"));
    Sweep sweep =
        Sweep.parseArms(arms, new SweepAxis.Base(encoderNode, train.train(), seeds, precision, init));
    List<String> tasks = root.getStringList("tasks", List.of());
    List<String> optional = root.getStringList("optionalTasks", List.of());
    if (tasks.isEmpty() && optional.isEmpty()) {
      throw new CptbenchException(source + ": tasks: missing; name at least one task (e.g. sts/STSBenchmark)");
    }
    EvalSettings eval = EvalSettings.parse(mapping(root, "eval"));
    SuiteReferences references = SuiteReferences.parse(root);
    List<Expectation> expect = new ArrayList<>();
    if (root.has("expect")) {
      JsonNode list = root.raw("expect");
      if (!list.isArray()) {
        throw new CptbenchException(source + ": expect: expected a list of {cell, task, metric, min, max}");
      }
      int i = 0;
      for (JsonNode e : list) {
        expect.add(Expectation.parse(new ConfigNode(e, "expect[" + i++ + "]", source)));
      }
    }
    List<ClaimSpec> claims = parseClaims(root, source, tasks, optional);
    SlurmOptions slurm = root.has("slurm") ? SlurmOptions.parse(root.child("slurm")) : SlurmOptions.DEFAULTS;
    PretrainConfig pretrain =
        root.has("pretrain") ? PretrainConfig.parse(root.child("pretrain"), seed, train.corpus()) : null;
    SuiteSpec suite = new SuiteSpec(
        name, source, seed, seeds, encoder, init, precision, train.train(), train.corpus(), sweep, tasks, optional,
        eval, expect, claims, pretrain, references, slurm, yaml);
    if (pretrain == null && suite.cells().stream().anyMatch(c -> c.init().pretrained())) {
      throw new CptbenchException(source + ": init: pretrained needs a pretrain: stage (e.g. pretrain: {corpus: "
          + "python-docs, steps: 1000, batchSize: 64}); or use init: scratch or a model folder");
    }
    return suite;
  }

  /** The names of the suite's reference encoders ({@link SuiteReferences}). */
  public List<String> references() {
    return referenceRows.names();
  }

  /** The parameters every cell starts from before the sweep replaces some. */
  public CellParams baseCell() {
    return new CellParams(
        encoder, train.temperature(), train.batchSize(), train.steps(), train.seed(), precision, init);
  }

  /** The parameters of every cell of the grid, in expansion order. */
  public List<CellParams> cells() {
    return sweep.cells(baseCell());
  }

  private static List<ClaimSpec> parseClaims(
      ConfigNode root, String source, List<String> tasks, List<String> optional) {
    List<ClaimSpec> claims = new ArrayList<>();
    if (!root.has("claims")) {
      return claims;
    }
    JsonNode list = root.raw("claims");
    if (!list.isArray()) {
      throw new CptbenchException(source + ": claims: expected a list of {id, paper, compare, tasks, at}, got "
          + ConfigNode.describe(list));
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    int i = 0;
    for (JsonNode e : list) {
      ClaimSpec c = ClaimSpec.parse(new ConfigNode(e, "claims[" + i++ + "]", source));
      if (!ids.add(c.id())) {
        throw new CptbenchException(c.path() + ".id: '" + c.id() + "' is used by another claim; ids must be unique");
      }
      for (String t : c.taskNames()) {
        if (!tasks.contains(t) && !optional.contains(t)) {
          throw new CptbenchException(c.path() + ".tasks: '" + t + "' is not a task of this suite; allowed: "
              + tasks + " and optional " + optional);
        }
      }
      claims.add(c);
    }
    return claims;
  }

  /** {@code sweep:} as a mapping (one grid), a list of mappings (arms) or absent (the base cell alone). */
  private static List<ConfigNode> sweepArms(ConfigNode root, String source) {
    if (!root.has("sweep") || !root.raw("sweep").isArray()) {
      return List.of(mapping(root, "sweep"));
    }
    JsonNode list = root.raw("sweep");
    if (list.isEmpty()) {
      throw new CptbenchException(source + ": sweep: an empty list; give a mapping of axes or a list of mappings");
    }
    List<ConfigNode> arms = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      if (!e.isObject()) {
        throw new CptbenchException(source + ": sweep[" + i + "]: expected a mapping of axes (e.g. {batchSize: "
            + "[32, 2048]}), got " + ConfigNode.describe(e));
      }
      arms.add(new ConfigNode(e, "sweep[" + i + "]", source));
    }
    return arms;
  }

  private static ConfigNode mapping(ConfigNode root, String key) {
    return root.has(key)
        ? root.child(key)
        : new ConfigNode(JsonNodeFactory.instance.objectNode(), key, root.source());
  }
}
