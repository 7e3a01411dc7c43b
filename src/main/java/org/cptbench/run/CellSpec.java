package org.cptbench.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import org.cptbench.config.CellParams;
import org.cptbench.model.Checkpoint;
import org.cptbench.model.EncoderSpec;
import org.cptbench.model.Precision;
import org.cptbench.train.CorpusSpec;
import org.cptbench.train.TrainSpec;
import org.cptbench.train.TrainingRun;
import org.cptbench.util.Hashing;
import org.cptbench.util.Json;

/**
 * One cell of a suite's grid: one training run, evaluated at each of its checkpoints. Its id is a hash of
 * everything that determines its results: the resolved encoder and training settings, the corpus, the task list
 * and evaluation settings, the data checksums, the initial model's fingerprint (unless scratch), the requested
 * precision (unless fp32; {@code auto} stays {@code auto}, so its results depend on the machine) and the cell format
 * version of this code. A cell with the same id is
 * never recomputed; everything downstream (results.csv, the report, expect bands) keys cells by this id.
 *
 * @param params the cell's parameters (one value per sweep axis)
 * @param train its training settings (the suite's, with the parameters applied)
 */
public record CellSpec(CellParams params, TrainSpec train, CorpusSpec corpus, String id) {

  /** Bumped when the meaning of a cell's outputs changes. */
  public static final int FORMAT = 2; // 2: training gradients fixed (Scalars), MKL AVX-512 dispatch

  public static CellSpec of(CellParams params, TrainSpec base, CorpusSpec corpus, String context) {
    return of(params, base, corpus, context, null);
  }

  /**
   * As above; {@code pretrainStage} (the suite's {@code pretrain:} settings as JSON) identifies the weights of a cell
   * whose init is {@code pretrained}: the stage is content-addressed, so its settings determine them.
   */
  public static CellSpec of(
      CellParams params, TrainSpec base, CorpusSpec corpus, String context, String pretrainStage) {
    TrainSpec train = params.train(base);
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("format", FORMAT);
    key.put("encoder", Checkpoint.specJson(params.encoder()));
    key.put("train", TrainingRun.trainJson(train));
    key.put("corpus", Map.of("corpus", corpus.corpus(), "window", corpus.window(), "minChars", corpus.minChars(),
        "tokenizerChars", corpus.tokenizerChars()));
    key.put("context", context);
    if (params.precision() != Precision.FP32) {
      key.put("precision", params.precision().label()); // as requested; fp32 keeps the ids cells had before
    }
    if (params.init().pretrained()) {
      if (pretrainStage == null) {
        throw new IllegalArgumentException("a cell with init: pretrained needs the suite's pretrain stage");
      }
      key.put("init", "pretrained");
      key.put("pretrain", pretrainStage);
    } else if (!params.init().scratch()) {
      key.put("init", params.init().model().fingerprint()); // the weights and tokenizer, not the path
    }
    return new CellSpec(params, train, corpus, Hashing.sha256(Json.compact(key)).substring(0, 12));
  }

  public EncoderSpec encoder() {
    return params.encoder();
  }

  /** The cell's id and parameter columns, as in cell.json, run.json and results.csv. */
  public SequencedMap<String, Object> columns() {
    SequencedMap<String, Object> m = new LinkedHashMap<>();
    m.put("cell", id);
    m.putAll(params.columns());
    return m;
  }
}
