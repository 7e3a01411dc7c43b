package org.cptbench.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cptbench.CptbenchException;
import org.cptbench.eval.metric.Metric;
import org.cptbench.eval.metric.MetricId;
import org.cptbench.eval.metric.PerQueryScores;
import org.cptbench.eval.metric.RankingMetric;
import org.cptbench.data.trec.Qrels;
import org.cptbench.data.trec.QrelsReader;
import org.cptbench.data.trec.TrecRun;
import org.cptbench.data.trec.TrecRunReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./harness score --qrels FILE --run FILE --metrics MRR@10,R@100,nDCG@10}: scores a TREC run file as
 * {@code trec_eval -c} (version 10.0) does, and prints {@code METRIC TAB all TAB VALUE} lines (4 decimals, as
 * trec_eval's {@code %6.4f}); with {@code --per-query}, first {@code METRIC TAB qid TAB VALUE} for every judged query
 * (queries in strcmp order, metrics in the order given). Notes about queries missing from the run or from the
 * qrels go to stderr.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score a TREC run file against qrels exactly as trec_eval 10.0 -c does (run re-sorted by score, ties by doc id"
          + " descending; every judged query counts, missing ones score 0).",
      "Metrics: MRR@k, R@k, nDCG@k, Success@k."
    })
public final class ScoreCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--qrels",
      required = true,
      paramLabel = "FILE",
      description = "Judgments: TREC qrels (qid iter docid grade) or BEIR qrels/*.tsv (with or without header).")
  Path qrelsFile;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "FILE",
      description = "TREC run file: qid Q0 docid rank score tag.")
  Path runFile;

  @Option(
      names = "--metrics",
      paramLabel = "LIST",
      defaultValue = "MRR@10,R@10,R@100,nDCG@10",
      description = "Comma-separated metric ids (default: ${DEFAULT-VALUE}).")
  String metrics;

  @Option(
      names = "--relevance-level",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Grade >= N counts as relevant for MRR, R and Success (trec_eval -l; TREC DL uses 2). nDCG uses all"
              + " positive grades regardless. Default: ${DEFAULT-VALUE}.")
  int relevanceLevel;

  @Option(names = "--per-query", description = "Also print one line per judged query before the 'all' lines.")
  boolean perQuery;

  @Override
  public Integer call() {
    List<RankingMetric> rankingMetrics = new ArrayList<>();
    for (Metric m : MetricId.parseList(metrics, relevanceLevel)) {
      if (!(m instanceof RankingMetric rm)) {
        throw new CptbenchException(
            "metric "
                + m.id()
                + " cannot be computed from a qrels and a run file; score accepts MRR@k, R@k, nDCG@k, Success@k");
      }
      rankingMetrics.add(rm);
    }
    Qrels qrels = QrelsReader.read(qrelsFile);
    TrecRun run = TrecRunReader.read(runFile);
    Map<String, List<String>> rankings = run.rankings();

    List<PerQueryScores> results = new ArrayList<>();
    for (RankingMetric m : rankingMetrics) {
      results.add(m.evaluate(qrels, rankings));
    }

    PrintWriter out = spec.commandLine().getOut();
    if (perQuery) {
      for (String qid : qrels.queryIds()) {
        for (PerQueryScores r : results) {
          out.println(r.metricId() + "\t" + qid + "\t" + format(r.value(qid)));
        }
      }
    }
    for (PerQueryScores r : results) {
      out.println(r.metricId() + "\t" + "all" + "\t" + format(r.mean()));
    }
    out.flush();

    PrintWriter err = spec.commandLine().getErr();
    long missing = qrels.queryIds().stream().filter(q -> !run.contains(q)).count();
    if (missing > 0) {
      err.println(
          "note: "
              + missing
              + " of "
              + qrels.numQueries()
              + " judged queries have no results in the run and score 0 (as trec_eval -c)");
    }
    long unjudged = run.queryIds().stream().filter(q -> !qrels.contains(q)).count();
    if (unjudged > 0) {
      err.println("note: " + unjudged + " run queries have no judgments and are ignored");
    }
    err.flush();
    return 0;
  }

  /**
   * A value as trec_eval prints it ({@code printf("%6.4f")}): the exact binary value rounded to 4 decimals, ties to
   * even (glibc's behaviour), which Java's {@code String.format} does not guarantee (it rounds the shortest decimal
   * representation half-up).
   */
  public static String format(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "nan" : (value > 0 ? "inf" : "-inf");
    }
    String s = new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    return s.length() < 6 ? " ".repeat(6 - s.length()) + s : s;
  }
}
