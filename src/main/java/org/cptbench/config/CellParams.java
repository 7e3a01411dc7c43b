package org.cptbench.config;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import org.cptbench.CptbenchException;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.train.Temperature;
import org.cptbench.train.TrainSpec;

/**
 * The parameters of one cell of a suite: one value per sweep axis. This is the one place that lists them: grid
 * expansion ({@link SweepAxis}), the training settings of the cell ({@link #train}), the parameter columns of
 * {@code results.csv}, {@code cell.json} and {@code run.json} ({@link #columns}), the report's labels and
 * {@code expect} selectors all read them from here.
 *
 * <p>Adding a sweep axis: a component here, its builder setter, its column(s) in {@link #COLUMNS} and
 * {@link #columns}, its use in {@link #train} (or the encoder), and a {@link SweepAxis} constant that parses its
 * YAML values; then its line in README "Adding things". The report needs no change: it reads every column of
 * {@code results.csv} between {@code cell} and {@code step} as a parameter.
 *
 * @param encoder the encoder's shape
 * @param temperature the contrastive loss's temperature
 * @param batchSize pairs per training step
 * @param steps training steps (the step budget)
 * @param seed the cell's seed
 * @param precision the precision the cell trains and is evaluated in, as requested ({@code auto} is resolved per
 *     machine when the cell runs)
 * @param init where the weights start: scratch or a model folder, whose shape the cell takes ({@link #encoder()})
 */
public record CellParams(
    EncoderSpec encoder,
    Temperature temperature,
    int batchSize,
    int steps,
    long seed,
    Precision precision,
    InitChoice init) {

  /** The parameter columns, in {@code results.csv} order (after {@code cell}). */
  public static final List<String> COLUMNS =
      List.of("encoder", "attention", "pooling", "temperature", "batchSize", "steps", "seed", "precision", "init");

  public CellParams {
    if (encoder == null || temperature == null || precision == null || init == null) {
      throw new CptbenchException("cell parameters: encoder, temperature, precision and init are required");
    }
  }

  /**
   * The encoder the cell trains: the suite's, or with an {@link #init} model that model's shape with the suite's
   * attention and pooling.
   */
  @Override
  public EncoderSpec encoder() {
    return init.shape(encoder);
  }

  /** The parameter columns and their values, keys in {@link #COLUMNS} order; distinct params give distinct maps. */
  public SequencedMap<String, Object> columns() {
    SequencedMap<String, Object> m = new LinkedHashMap<>();
    m.put("encoder", encoderLabel(encoder()));
    m.put("attention", encoder().attention().name().toLowerCase(Locale.ROOT));
    m.put("pooling", encoder().pooling().name().toLowerCase(Locale.ROOT));
    m.put("temperature", temperatureLabel(temperature));
    m.put("batchSize", batchSize);
    m.put("steps", steps);
    m.put("seed", seed);
    m.put("precision", precision.label());
    m.put("init", init.label());
    return m;
  }

  /** The columns as text, as {@code results.csv} holds them. */
  public SequencedMap<String, String> columnText() {
    SequencedMap<String, String> m = new LinkedHashMap<>();
    columns().forEach((k, v) -> m.put(k, String.valueOf(v)));
    return m;
  }

  /**
   * The columns as releases before 2026-12 wrote them ({@code temperature} without its learning rate or clamp, e.g.
   * {@code learned(0.07)}): {@code expect} selectors written that way still select the cell, for one release.
   */
  public SequencedMap<String, String> legacyColumnText() {
    SequencedMap<String, String> m = columnText();
    m.put("temperature", temperature.label());
    return m;
  }

  /**
   * The training settings of this cell over the suite's {@code base}: its batch size, temperature, seed and step
   * budget (checkpoints beyond the budget dropped, warm-up at most the budget).
   */
  public TrainSpec train(TrainSpec base) {
    List<Integer> cps = base.checkpoints().stream().filter(c -> c < steps).toList();
    return new TrainSpec(
        steps, batchSize, base.learningRate(), Math.min(base.warmupSteps(), steps), base.decay(),
        base.weightDecay(), base.clipNorm(), temperature, seed, cps, base.chunkSize());
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy of a {@link CellParams} with some parameters replaced. */
  public static final class Builder {
    private EncoderSpec encoder;
    private Temperature temperature;
    private int batchSize;
    private int steps;
    private long seed;
    private Precision precision;
    private InitChoice init;

    private Builder(CellParams p) {
      encoder = p.encoder;
      temperature = p.temperature;
      batchSize = p.batchSize;
      steps = p.steps;
      seed = p.seed;
      precision = p.precision;
      init = p.init;
    }

    public Builder encoder(EncoderSpec v) {
      encoder = v;
      return this;
    }

    public Builder temperature(Temperature v) {
      temperature = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder steps(int v) {
      steps = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder precision(Precision v) {
      precision = v;
      return this;
    }

    public Builder init(InitChoice v) {
      init = v;
      return this;
    }

    public CellParams build() {
      return new CellParams(encoder, temperature, batchSize, steps, seed, precision, init);
    }
  }

  /**
   * The encoder column: the name of the closest preset, followed by every field (other than attention and pooling,
   * which have their own columns) that differs from it, e.g. {@code tiny} or {@code tiny(vocabSize=2000)}.
   */
  public static String encoderLabel(EncoderSpec spec) {
    String best = null;
    List<String> bestDiffs = null;
    for (Map.Entry<String, EncoderSpec> p : EncoderSpec.PRESETS.entrySet()) {
      List<String> diffs = differences(p.getValue(), spec);
      if (bestDiffs == null || diffs.size() < bestDiffs.size()) {
        best = p.getKey();
        bestDiffs = diffs;
      }
    }
    return bestDiffs.isEmpty() ? best : best + "(" + String.join(" ", bestDiffs) + ")";
  }

  private static List<String> differences(EncoderSpec preset, EncoderSpec spec) {
    List<String> out = new ArrayList<>();
    for (RecordComponent c : EncoderSpec.class.getRecordComponents()) {
      if (c.getName().equals("attention") || c.getName().equals("pooling")) {
        continue;
      }
      try {
        Object a = c.getAccessor().invoke(preset);
        Object b = c.getAccessor().invoke(spec);
        if (!a.equals(b)) {
          out.add(c.getName() + "=" + String.valueOf(b).toLowerCase(Locale.ROOT));
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /**
   * The temperature column: {@code learned(0.07)} or {@code fixed(0.05)} (the softmax temperature 1/exp(tau) to 6
   * significant digits), followed by its non-default settings: {@code lr=0.005} (its own learning rate) and
   * {@code unclamped}, e.g. {@code learned(0.07 lr=0.005)} (no commas, so that a label is a plain YAML value in an
   * {@code expect} selector).
   */
  public static String temperatureLabel(Temperature t) {
    List<String> parts = new ArrayList<>();
    parts.add(number(Math.exp(-t.tau())));
    if (t.learningRate() != 0) {
      parts.add("lr=" + number(t.learningRate()));
    }
    if (t.learned() && !t.clamp()) {
      parts.add("unclamped");
    }
    return (t.learned() ? "learned(" : "fixed(") + String.join(" ", parts) + ")";
  }

  private static String number(double v) {
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
