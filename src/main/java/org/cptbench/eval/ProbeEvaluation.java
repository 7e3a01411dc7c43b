package org.cptbench.eval;

import java.util.List;
import org.cptbench.data.senteval.LabeledText;
import org.cptbench.data.senteval.SentEvalData;
import org.cptbench.data.senteval.SentEvalLoader;
import org.cptbench.data.senteval.TextPair;
import org.cptbench.eval.probe.CrossValidatedProbe;
import org.cptbench.eval.probe.Features;
import org.cptbench.eval.probe.PairFeatures;
import org.cptbench.eval.probe.ProbeOptions;
import org.cptbench.eval.probe.ProbeResult;
import org.cptbench.eval.probe.SplitProbe;
import org.cptbench.text.Side;

/**
 * Linear-probe classification by SentEval's protocol: MR, CR, SUBJ, MPQA by nested 10-fold cross-validation; SST-2
 * with the penalty chosen on dev; TREC by k-fold on train then test; MRPC on pair features (SentEval's
 * {@code mrpc.py}: [|u-v|, u*v]). Sentences are embedded on the x side; the probe sees the encoder's vectors before
 * its final L2 normalisation ({@link Embedder#embedUnnormalized}), as SentEval feeds an encoder's output as it is,
 * unless {@link ProbeOptions#l2Normalize()}. Reports {@code accuracy} as SentEval does (each fold's accuracy as a
 * percentage rounded to 2 decimals, their mean rounded to 2 decimals, here divided by 100; details keep the
 * unrounded mean), per-fold accuracies, chosen penalties, {@code f1} for MRPC, and the prediction for every test
 * item ({@link TaskResult#perItem()}).
 */
public final class ProbeEvaluation {
  /**
   * How {@code accuracy} is reported, appended to the probe's definition: SentEval rounds each fold's test accuracy
   * ({@code round(100*clf.score(X_test, y_test), 2)} in {@code validation.py}) before averaging, and the mean again.
   */
  static final String AS_SENTEVAL =
      "; reported as SentEval: each fold's accuracy round(100*acc, 2), their mean rounded to 2 decimals, / 100";

  private ProbeEvaluation() {}

  public static TaskResult run(String name, java.nio.file.Path folder, Embedder embedder, ProbeOptions options) {
    return run(name, SentEvalLoader.load(folder), embedder, options);
  }

  /** Probes loaded data (the caller has reviewed its integrity report, see {@link DataIntegrity}). */
  public static TaskResult run(String name, SentEvalData data, Embedder embedder, ProbeOptions options) {
    ProbeResult r =
        switch (data.task().kind()) {
          case CV10 -> {
            List<LabeledText> all = data.texts(data.task().splits().get(0));
            yield CrossValidatedProbe.run(features(embedder, all, options), labels(all), options);
          }
          case TRAIN_DEV_TEST -> {
            List<LabeledText> tr = data.texts("train");
            List<LabeledText> dev = data.texts("dev");
            List<LabeledText> te = data.texts("test");
            yield SplitProbe.trainDevTest(
                features(embedder, tr, options), labels(tr), features(embedder, dev, options), labels(dev),
                features(embedder, te, options), labels(te), options);
          }
          case TRAIN_TEST -> {
            List<LabeledText> tr = data.texts("train");
            List<LabeledText> te = data.texts("test");
            yield SplitProbe.trainTest(
                features(embedder, tr, options), labels(tr), features(embedder, te, options), labels(te), options);
          }
          case PAIRS -> {
            List<TextPair> tr = data.pairs("train");
            List<TextPair> te = data.pairs("test");
            yield SplitProbe.pairs(
                side(embedder, tr, true, options), side(embedder, tr, false, options), pairLabels(tr),
                side(embedder, te, true, options), side(embedder, te, false, options), pairLabels(te),
                PairFeatures.Layout.SENTEVAL_MRPC, options);
          }
        };
    TaskResult.Builder b =
        TaskResult.builder(name, "probe").metric("accuracy", r.sentevalPercent() / 100, r.definition() + AS_SENTEVAL);
    if (r.f1() != null) {
      b.metric("f1", r.f1(), "F1 of the positive class (paraphrase), SentEval mrpc.py");
    }
    return b.detail("protocol", options.protocol().id())
        .detail("accuracyUnrounded", r.accuracy())
        .detail("folds", r.foldAccuracies())
        .detail("penalty", options.penaltyName())
        .detail("chosenC", r.chosenPenalties())
        .detail("devAccuracy", r.devAccuracy())
        .detail("nTrain", r.nTrain())
        .detail("nTest", r.nTest())
        .detail("sentevalPercent", r.sentevalPercent())
        .detail("meanAccuracy", r.accuracy())
        .detail("warnings", data.report().warnings())
        .detail("counts", data.report().counts())
        .perItem(r.items())
        .build();
  }

  private static double[][] features(Embedder e, List<LabeledText> texts, ProbeOptions options) {
    return vectors(e, texts.stream().map(LabeledText::text).toList(), options);
  }

  /** The encoder's vectors as they are, or L2-normalised when the options say so. */
  static double[][] vectors(Embedder e, List<String> texts, ProbeOptions options) {
    double[][] x = Features.toDouble("embeddings", e.embedUnnormalized(texts, Side.X));
    return options.l2Normalize() ? Features.l2Normalized("embeddings", x) : x;
  }

  private static int[] labels(List<LabeledText> texts) {
    return texts.stream().mapToInt(LabeledText::label).toArray();
  }

  private static double[][] side(Embedder e, List<TextPair> pairs, boolean first, ProbeOptions options) {
    return vectors(e, pairs.stream().map(p -> first ? p.first() : p.second()).toList(), options);
  }

  private static int[] pairLabels(List<TextPair> pairs) {
    return pairs.stream().mapToInt(TextPair::label).toArray();
  }
}
