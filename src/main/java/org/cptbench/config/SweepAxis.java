package org.cptbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.cptbench.CptbenchException;
import org.cptbench.model.Precision;
import org.cptbench.train.Seeds;

/**
 * The keys of a suite's {@code sweep:} mapping, in expansion order (the first varies slowest): each parses its list
 * of values once, knows its value when not swept, and sets it in a {@link CellParams}.
 */
public enum SweepAxis {
  /** {@code encoder: [{preset: tiny}, {pooling: mean}, {vocabSize: 2000}]}: mappings over the suite's encoder. */
  ENCODER("encoder") {
    @Override
    List<?> parse(ConfigNode sweep, Base base) {
      List<Object> out = new ArrayList<>();
      for (ConfigNode n : mappings(sweep, key(), "{preset: tiny}")) {
        ObjectNode merged = ((ObjectNode) base.encoderNode().node()).deepCopy();
        n.node().fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        out.add(EncoderConfig.parse(new ConfigNode(merged, n.path(), n.source())));
      }
      return out;
    }

    @Override
    Object unswept(Base base) {
      return EncoderConfig.parse(base.encoderNode());
    }

    @Override
    void set(CellParams.Builder b, Object v) {
      b.encoder((org.cptbench.model.EncoderSpec) v);
    }
  },
  /** {@code temperature: [{learned: 0.07, learningRate: 0.005}, {fixed: 0.05}]}. */
  TEMPERATURE("temperature") {
    @Override
    List<?> parse(ConfigNode sweep, Base base) {
      return mappings(sweep, key(), "{learned: 0.07}").stream().map(TemperatureConfig::parse).toList();
    }

    @Override
    Object unswept(Base base) {
      return base.train().temperature();
    }

    @Override
    void set(CellParams.Builder b, Object v) {
      b.temperature((org.cptbench.train.Temperature) v);
    }
  },
  /** {@code batchSize: [32, 128]}. */
  BATCH_SIZE("batchSize") {
    @Override
    List<?> parse(ConfigNode sweep, Base base) {
      return nonEmpty(sweep, sweep.getIntList(key(), List.of()));
    }

    @Override
    Object unswept(Base base) {
      return base.train().batchSize();
    }

    @Override
    void set(CellParams.Builder b, Object v) {
      b.batchSize((Integer) v);
    }
  },
  /** {@code steps: [100, 300]}: step budgets (each cell keeps the suite's checkpoints within its budget). */
  STEPS("steps") {
    @Override
    List<?> parse(ConfigNode sweep, Base base) {
      return nonEmpty(sweep, sweep.getIntList(key(), List.of()));
    }

    @Override
    Object unswept(Base base) {
      return base.train().steps();
    }

    @Override
    void set(CellParams.Builder b, Object v) {
      b.steps((Integer) v);
    }
  },
  /** {@code seed: [1, 2, 3]}; when not swept, the suite's {@code seeds: N} repetitions with derived seeds. */
  SEED("seed") {
    @Override
    List<?> parse(ConfigNode sweep, Base base) {
      return nonEmpty(sweep, sweep.getIntList(key(), List.of()).stream().map(Integer::longValue).toList());
    }

    @Override
    Object unswept(Base base) {
      throw new UnsupportedOperationException("see values()");
    }

    @Override
    List<?> values(ConfigNode sweep, Base base) {
      if (sweep.has(key())) {
        return parse(sweep, base);
      }
      List<Long> seeds = new ArrayList<>();
      long root = base.train().seed();
      for (int r = 0; r < base.seeds(); r++) {
        seeds.add(r == 0 ? root : Seeds.derive(root, 1000 + r) & 0xFFFFFFFL);
      }
      return seeds;
    }

    @Override
    void set(CellParams.Builder b, Object v) {
      b.seed((Long) v);
    }
  },
  /**
   * {@code precision: [fp32, bf16]} (or {@code auto}); when not swept, the suite's {@code precision} (default fp32).
   * The cell keeps the requested value; {@code auto} is resolved on the machine that runs it.
   */
  PRECISION("precision") {
    @Override
    List<?> parse(ConfigNode sweep, Base base) {
      List<Precision> out = new ArrayList<>();
      List<String> values = nonEmpty(sweep, sweep.getStringList(key(), List.of()));
      for (int i = 0; i < values.size(); i++) {
        out.add(Precision.parse(sweep.source() + ": " + sweep.key(key()) + "[" + i + "]", values.get(i)));
      }
      return out;
    }

    @Override
    Object unswept(Base base) {
      return base.precision();
    }

    @Override
    void set(CellParams.Builder b, Object v) {
      b.precision((Precision) v);
    }
  },
  /**
   * {@code init: [scratch, path/to/checkpoint]}: where the weights start; when not swept, the suite's
   * {@code encoder.init} (default scratch). A model folder gives the cell its shape and tokenizer.
   */
  INIT("init") {
    @Override
    List<?> parse(ConfigNode sweep, Base base) {
      List<InitChoice> out = new ArrayList<>();
      List<String> values = nonEmpty(sweep, sweep.getStringList(key(), List.of()));
      for (int i = 0; i < values.size(); i++) {
        out.add(InitChoice.parse(sweep.source() + ": " + sweep.key(key()) + "[" + i + "]", values.get(i)));
      }
      return out;
    }

    @Override
    Object unswept(Base base) {
      return base.init();
    }

    @Override
    void set(CellParams.Builder b, Object v) {
      b.init((InitChoice) v);
    }
  };

  /** What an axis's values are read over: the suite's encoder mapping, training settings and repetitions. */
  record Base(
      ConfigNode encoderNode,
      org.cptbench.train.TrainSpec train,
      int seeds,
      Precision precision,
      InitChoice init) {}

  private final String key;

  SweepAxis(String key) {
    this.key = key;
  }

  /** The YAML key under {@code sweep:}. */
  public String key() {
    return key;
  }

  /** The keys allowed under {@code sweep:}. */
  public static String[] keys() {
    return java.util.Arrays.stream(values()).map(SweepAxis::key).toArray(String[]::new);
  }

  abstract List<?> parse(ConfigNode sweep, Base base);

  abstract Object unswept(Base base);

  abstract void set(CellParams.Builder b, Object v);

  /** The axis's values: the swept list, else its one value from the suite. */
  List<?> values(ConfigNode sweep, Base base) {
    return sweep.has(key) ? parse(sweep, base) : List.of(unswept(base));
  }

  /** {@code p} with this axis set to {@code value} (one of the values this axis parsed). */
  public CellParams apply(CellParams p, Object value) {
    CellParams.Builder b = p.toBuilder();
    set(b, value);
    return b.build();
  }

  <T> List<T> nonEmpty(ConfigNode sweep, List<T> values) {
    if (values.isEmpty()) {
      throw new CptbenchException(sweep.source() + ": " + sweep.key(key) + ": expected a non-empty list");
    }
    return values;
  }

  static List<ConfigNode> mappings(ConfigNode sweep, String key, String example) {
    List<ConfigNode> out = new ArrayList<>();
    JsonNode list = sweep.raw(key);
    if (!list.isArray() || list.isEmpty()) {
      throw new CptbenchException(sweep.source() + ": " + sweep.key(key) + ": expected a non-empty list of mappings");
    }
    int i = 0;
    for (JsonNode n : list) {
      ConfigNode c = new ConfigNode(n, sweep.key(key) + "[" + i++ + "]", sweep.source());
      if (!n.isObject()) {
        throw new CptbenchException(c.source() + ": " + c.path() + ": expected a mapping, e.g. " + example);
      }
      out.add(c);
    }
    return out;
  }
}
