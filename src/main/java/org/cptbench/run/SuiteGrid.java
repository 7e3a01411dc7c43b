package org.cptbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cptbench.CptbenchException;
import org.cptbench.config.ConfigNode;
import org.cptbench.config.EncoderConfig;
import org.cptbench.config.SuiteSpec;
import org.cptbench.config.TemperatureConfig;
import org.cptbench.model.EncoderSpec;
import org.cptbench.train.Seeds;
import org.cptbench.train.Temperature;
import org.cptbench.train.TrainSpec;

/**
 * Expands a suite's sweep into cells: the cartesian product of the swept values (encoder, temperature, batchSize,
 * steps, seed; in that order) and, when {@code seeds > 1}, repetitions whose seeds derive from the root seed.
 * Checkpoints beyond a cell's step budget are dropped; its last step is always a checkpoint.
 */
public final class SuiteGrid {
  private SuiteGrid() {}

  public static List<CellSpec> expand(SuiteSpec suite, String context) {
    List<ConfigNode> encoders = mappings(suite.sweep(), "encoder");
    List<ConfigNode> temps = mappings(suite.sweep(), "temperature");
    List<Integer> batches = suite.sweep().getIntList("batchSize", List.of(suite.train().batchSize()));
    List<Integer> stepsList = suite.sweep().getIntList("steps", List.of(suite.train().steps()));
    List<Long> seeds = new ArrayList<>();
    if (suite.sweep().has("seed")) {
      suite.sweep().getIntList("seed", List.of()).forEach(s -> seeds.add((long) s));
    } else if (suite.seeds() == 1) {
      seeds.add(suite.train().seed());
    } else {
      for (int r = 0; r < suite.seeds(); r++) {
        seeds.add(r == 0 ? suite.train().seed() : Seeds.derive(suite.train().seed(), 1000 + r) & 0xFFFFFFFL);
      }
    }
    List<CellSpec> cells = new ArrayList<>();
    for (ConfigNode enc : encoders.isEmpty() ? java.util.Collections.<ConfigNode>singletonList(null) : encoders) {
      EncoderSpec spec = EncoderConfig.parse(enc == null ? suite.encoder() : merge(suite.encoder(), enc));
      String label = label(spec);
      for (ConfigNode tn : temps.isEmpty() ? java.util.Collections.<ConfigNode>singletonList(null) : temps) {
        Temperature temp = tn == null ? suite.train().temperature() : TemperatureConfig.parse(tn);
        for (int batch : batches) {
          for (int steps : stepsList) {
            for (long seed : seeds) {
              TrainSpec base = suite.train();
              List<Integer> cps = base.checkpoints().stream().filter(c -> c < steps).toList();
              TrainSpec t =
                  new TrainSpec(
                      steps, batch, base.learningRate(), Math.min(base.warmupSteps(), steps), base.decay(),
                      base.weightDecay(), base.clipNorm(), temp, seed, cps, base.chunkSize());
              cells.add(CellSpec.of(label, spec, t, suite.corpus(), context));
            }
          }
        }
      }
    }
    return cells;
  }

  private static List<ConfigNode> mappings(ConfigNode sweep, String key) {
    List<ConfigNode> out = new ArrayList<>();
    if (!sweep.has(key)) {
      return out;
    }
    JsonNode list = sweep.raw(key);
    if (!list.isArray() || list.isEmpty()) {
      throw new CptbenchException(sweep.source() + ": " + sweep.key(key) + ": expected a non-empty list of mappings");
    }
    int i = 0;
    for (JsonNode n : list) {
      ConfigNode c = new ConfigNode(n, sweep.key(key) + "[" + i++ + "]", sweep.source());
      if (!n.isObject()) {
        throw new CptbenchException(c.source() + ": " + c.path() + ": expected a mapping, e.g. {preset: tiny}");
      }
      out.add(c);
    }
    return out;
  }

  private static ConfigNode merge(ConfigNode base, ConfigNode over) {
    ObjectNode m = ((ObjectNode) base.node()).deepCopy();
    over.node().fields().forEachRemaining(e -> m.set(e.getKey(), e.getValue()));
    return new ConfigNode(m, over.path(), over.source());
  }

  /** The preset name when the spec has that preset's size (vocabulary aside), else e.g. {@code 2x128-bidirectional-mean}. */
  static String label(EncoderSpec spec) {
    for (Map.Entry<String, EncoderSpec> p : EncoderSpec.PRESETS.entrySet()) {
      EncoderSpec ps = p.getValue();
      if (ps.layers() == spec.layers() && ps.width() == spec.width() && ps.heads() == spec.heads()
          && ps.ffn() == spec.ffn() && ps.maxTokens() == spec.maxTokens()) {
        return p.getKey();
      }
    }
    return spec.layers() + "x" + spec.width();
  }
}
