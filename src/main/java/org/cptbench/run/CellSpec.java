package org.cptbench.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.EncoderSpec;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.TrainSpec;
import org.cptbench.train.TrainingRun;
import org.cptbench.util.Hashing;
import org.cptbench.util.Json;

/**
 * One cell of a suite's grid: one training run (encoder x temperature x batch size x steps x seed), evaluated at
 * each of its checkpoints. Its id is a hash of everything that determines its results: the resolved encoder and
 * training settings, the corpus, the task list and evaluation settings, the data checksums and the cell format
 * version of this code. A cell with the same id is never recomputed.
 *
 * @param label short encoder label (a preset name, or layers x width)
 */
public record CellSpec(String label, EncoderSpec encoder, TrainSpec train, CorpusSpec corpus, String id) {

  /** Bumped when the meaning of a cell's outputs changes. */
  public static final int FORMAT = 2; // 2: training gradients fixed (Scalars), MKL AVX-512 dispatch

  public static CellSpec of(String label, EncoderSpec encoder, TrainSpec train, CorpusSpec corpus, String context) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("format", FORMAT);
    key.put("encoder", Checkpoint.specJson(encoder));
    key.put("train", TrainingRun.trainJson(train));
    key.put("corpus", Map.of("corpus", corpus.corpus(), "window", corpus.window(), "minChars", corpus.minChars(),
        "tokenizerChars", corpus.tokenizerChars()));
    key.put("context", context);
    return new CellSpec(label, encoder, train, corpus, Hashing.sha256(Json.compact(key)).substring(0, 12));
  }

  /** The cell's parameters as they appear in cell.json and results.csv. */
  public Map<String, Object> params() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cell", id);
    m.put("encoder", label);
    m.put("attention", encoder.attention().name().toLowerCase(java.util.Locale.ROOT));
    m.put("pooling", encoder.pooling().name().toLowerCase(java.util.Locale.ROOT));
    m.put("temperature", train.temperature().label());
    m.put("batchSize", train.batchSize());
    m.put("steps", train.steps());
    m.put("seed", train.seed());
    return m;
  }
}
